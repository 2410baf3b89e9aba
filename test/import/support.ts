import { readFileSync } from "fs";
import path from "path";
import { readImport } from "../../src/import/readImport";
import type { ImportResult, ReadOptions } from "../../src/import/types";

export const fixturePath = (name: string) => path.join(__dirname, "fixtures", name);

/** Reads a fixture exactly as the pane or the CLI would: its bytes and its file name. */
export function readFixture(name: string, options: ReadOptions = {}): Promise<ImportResult> {
  return readImport(readFileSync(fixturePath(name)), { fileName: name, ...options });
}

/** An installation as a person would look for it in the preview. */
export const find = (result: ImportResult, device: string, title: string) =>
  result.installations.filter((i) => i.device === device && i.title === title);

export const lines = (result: ImportResult) => result.rejected.map((r) => r.line);
