/** How a file's bytes became text, for the preview to say. */
export type TextEncodingName = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether a byte order mark said so (it is not part of the text). */
  bom: boolean;
}

/**
 * A byte order mark decides (UTF-8, UTF-16 LE or BE); otherwise UTF-8 when the bytes are valid UTF-8, else
 * Windows-1252, which is what Excel and older Windows tools write for "ANSI" in Western Europe.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8", bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE", bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE", bom: true };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8", bom: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252", bom: false };
  }
}

/** Windows-1252's characters at bytes 0x80–0x9F (0 where the code page leaves a byte undefined). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];
const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * Node's TextDecoder treats "windows-1252" as Latin-1 (bytes 0x80–0x9F become control characters, so "€"
 * is lost); browsers do not. Mapping those 32 characters afterwards gives the same text in both.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(C1_CONTROLS, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80];
    return mapped ? String.fromCharCode(mapped) : c;
  });
}
