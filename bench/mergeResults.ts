import { existsSync, readFileSync, writeFileSync } from "fs";
import path from "path";

const RESULTS = path.join(__dirname, "results.json");

/** Writes a script's figures into bench/results.json, keeping the keys other scripts wrote. */
export function mergeResults(figures: Record<string, unknown>): void {
  const existing = existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>)
    : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...existing, ...figures }, null, 2)}\n`);
}
