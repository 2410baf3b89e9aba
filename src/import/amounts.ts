const GROUPS_OF_THREE = (separator: string) => new RegExp(`^-?\\d{1,3}(\\${separator}\\d{3})+$`);
const DOT_GROUPS = GROUPS_OF_THREE(".");
const COMMA_GROUPS = GROUPS_OF_THREE(",");

/**
 * An amount as a person's locale wrote it: "1.249,00" and "1,249.00" are both 1249. With both separators
 * the last one is the decimal point. With one, the file's convention decides: a semicolon-delimited
 * (European) file writes decimals with a comma and may group thousands with dots; otherwise a comma groups
 * thousands. Currency symbols, codes and spaces are ignored; anything else is not an amount (undefined).
 */
export function parseAmount(
  raw: string | number | null | undefined,
  decimalComma: boolean,
): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (raw === null || raw === undefined) return undefined;
  const text = raw.replace(/[\s\u00a0\u202f€£$]|[A-Z]{3}/g, "");
  if (text === "") return undefined;
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  let plain: string;
  if (lastDot !== -1 && lastComma !== -1) {
    plain = lastComma > lastDot ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
  } else if (lastComma !== -1) {
    plain = !decimalComma && COMMA_GROUPS.test(text) ? text.replace(/,/g, "") : text.replace(",", ".");
  } else if (lastDot !== -1 && decimalComma && DOT_GROUPS.test(text)) {
    plain = text.replace(/\./g, "");
  } else {
    plain = text;
  }
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}
