/**
 * Stable record IDs that co-authors can create at the same moment without coordinating:
 * 12 random base-32 characters (60 bits), so a million rows collide with odds below one in a million.
 */
export const ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const ID_PREFIXES = {
  software: "SW",
  licences: "LIC",
  allocations: "ALC",
  installations: "INS",
} as const;
export type RecordKind = keyof typeof ID_PREFIXES;

export type RandomBytes = (length: number) => Uint8Array;

const cryptoRandomBytes: RandomBytes = (length) => {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
};

export function newId(kind: RecordKind, randomBytes: RandomBytes = cryptoRandomBytes): string {
  const bytes = randomBytes(12);
  let body = "";
  for (const byte of bytes) body += ID_ALPHABET[byte % 32];
  return `${ID_PREFIXES[kind]}-${body}`;
}
