/**
 * 1,560 strings that spreadsheets are known to turn into formulas, numbers, dates or errors, through add and
 * then through update (which writes only the changed cells): every one is stored and read back as the text
 * typed, and no data cell holds a formula.
 */
import { freshWorkbook, simpleLicence } from "./fixtures";

const PREFIXES = ["=", "+", "-", "@", "'", "\t", " =", "==", "=+", "+-", "-@", "@@", "'=", "=-"];
const BODIES = [
  "cmd|' /C calc'!A0",
  'HYPERLINK("http://evil.example","click")',
  "1+1",
  "SUM(1,2)",
  "2026-01-01",
  "1.0",
  "000",
  "1e5",
  "TRUE",
  "#N/A",
  "1/2",
  "12:30",
  "50%",
  "£1,234.50",
  "(123)",
  "IMPORTXML(A1,B1)",
  'DDE("cmd";"/C calc";"x")',
  "A1",
  "Sheet1!A1",
  "1 1/2",
  "Jan 5",
  "5-Jan",
  "",
];
/** Prefix × body × a suffix, 1,560 strings. */
function injectionStrings(): string[] {
  const suffixes = ["", " ", "x", "\u00a0", ";1"];
  const all = new Set<string>();
  for (const suffix of suffixes)
    for (const prefix of PREFIXES)
      for (const body of BODIES) {
        const text = `${prefix}${body}${suffix}`;
        if (text.trim() !== "") all.add(text);
      }
  return [...all].slice(0, 1_560);
}

it("1,560 injection strings are stored as text through add and update", async () => {
  const strings = injectionStrings();
  expect(strings).toHaveLength(1_560);
  const { workbook, register } = await freshWorkbook();
  const added = await register.addMany(
    "licences",
    strings.map((text, i) => ({ ...simpleLicence(i), vendor: text, notes: text, licenceKey: text })),
  );
  if (!added.ok) throw new Error(added.error.message);
  const reversed = [...strings].reverse();
  const saved = await register.updateMany(
    "licences",
    added.value.map((licence, i) => ({ ...licence, vendor: reversed[i], notes: reversed[i] })),
  );
  if (!saved.ok) throw new Error(saved.error.message);

  const data = await register.load();
  expect(data.issues).toEqual([]);
  const byId = new Map(data.licences.map((licence) => [licence.id, licence]));
  added.value.forEach((licence, i) => {
    expect(byId.get(licence.id)).toMatchObject({
      vendor: reversed[i].trim(),
      notes: reversed[i].trim(),
      licenceKey: strings[i].trim(),
    });
  });
  const { values, formulas } = workbook.readSheet("Licences");
  const headers = values[0];
  for (const header of ["Vendor", "Notes", "Licence Key"]) {
    const column = headers.indexOf(header);
    for (let row = 1; row < values.length; row++) expect(formulas[row][column]).toBe(values[row][column]);
  }
}, 60_000);
