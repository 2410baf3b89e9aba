/**
 * How imported text becomes the register's: one installation is (device, title, version), so two rows that
 * differ only in case, spacing or a host name's domain are the same installation.
 */

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Device: trimmed, upper case, and the first DNS label of a host name ("pc-7.corp.example" is "PC-7"); an IP address stays whole. */
export function normaliseDevice(raw: string): string {
  const device = raw.trim();
  if (device === "" || IPV4.test(device) || device.includes(":")) return device.toUpperCase();
  const dot = device.indexOf(".");
  return (dot > 0 ? device.slice(0, dot) : device).toUpperCase();
}

const WHITESPACE_RUN = /\s+/g;
const APP_SUFFIX = /\.app$/i;

/** Title: Unicode NFC, trimmed, runs of whitespace as one space, without a trailing ".app" (macOS bundles). */
export function normaliseTitle(raw: string): string {
  const title = raw.normalize("NFC").replace(WHITESPACE_RUN, " ").trim();
  const bare = title.replace(APP_SUFFIX, "").trim();
  return bare === "" ? title : bare;
}

/** Titles compare case-insensitively. */
export const titleKey = (title: string): string => title.toLowerCase();

/** Version: the text as given, trimmed; never converted to a number ("8.10" is not "8.1"). */
export function normaliseVersion(raw: string): string {
  return raw.trim();
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text Excel would take for a formula: it is written as literal text, and the preview counts it. */
export function looksLikeFormula(raw: string): boolean {
  return FORMULA_START.test(raw);
}
