/**
 * Reads an inventory export with the add-in's own reader and prints what an import would do, as one JSON
 * object, without Excel:
 *
 *   npm run -s import:preview -- FILE [--device NAME] [--map device=Computer,title=App,version=Ver]
 */
import { readFileSync } from "fs";
import path from "path";
import { readImport } from "../src/import/readImport";
import { summariseImport } from "../src/import/summary";
import type { ColumnMapping } from "../src/import/types";

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run -s import:preview -- FILE [--device NAME] [--map field=Header,…]`,
  );
  process.exit(2);
}

function parseMapping(text: string): ColumnMapping {
  const mapping: Partial<ColumnMapping> = {};
  for (const pair of text.split(",")) {
    const [field, header] = pair.split("=");
    if (!["device", "title", "version", "publisher", "user", "installedOn"].includes(field) || !header) {
      usage(
        `--map takes field=Header pairs (fields: device, title, version, publisher, user, installedOn); "${pair}" is not one.`,
      );
    }
    mapping[field as keyof ColumnMapping] = header;
  }
  if (!mapping.title) usage("--map must say which column holds the title (title=Header).");
  return mapping as ColumnMapping;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let device: string | undefined;
  let mapping: ColumnMapping | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--device") device = args[++i] ?? usage("--device needs a name.");
    else if (args[i] === "--map")
      mapping = parseMapping(args[++i] ?? usage("--map needs field=Header pairs."));
    else if (file === undefined) file = args[i];
    else usage(`Unexpected argument "${args[i]}".`);
  }
  if (!file) usage("Give the file to read.");
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    usage(`Cannot read ${file}: check the path.`);
  }
  const result = await readImport(bytes, { fileName: path.basename(file), device, mapping });
  console.log(JSON.stringify(summariseImport(result), null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
