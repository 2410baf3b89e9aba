// Validates an add-in manifest offline against Microsoft's published XSD schemas (tools/manifest-schemas),
// because `office-addin-manifest validate` needs Microsoft's online service.
// Usage: node scripts/check-manifest.mjs [manifest.xml]   — exits 1 when the manifest is invalid.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const schemaDir = path.join(root, "tools", "manifest-schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

export async function checkManifest(manifestPath) {
  const xml = await readFile(manifestPath, "utf8");
  const schemaFiles = (await readdir(schemaDir)).filter((name) => name.endsWith(".xsd"));
  const load = async (fileName) => ({
    fileName,
    contents: await readFile(path.join(schemaDir, fileName), "utf8"),
  });
  const result = await validateXML({
    xml: [{ fileName: path.basename(manifestPath), contents: xml }],
    schema: [await load(MAIN_SCHEMA)],
    preload: await Promise.all(schemaFiles.filter((name) => name !== MAIN_SCHEMA).map(load)),
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}

const isCli = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isCli) {
  const manifestPath = path.resolve(process.argv[2] ?? path.join(root, "manifest.xml"));
  try {
    const { valid, errors } = await checkManifest(manifestPath);
    if (valid) {
      console.log(
        `${path.relative(process.cwd(), manifestPath) || manifestPath} is valid against the Office add-in manifest schemas.`,
      );
    } else {
      console.error(`${manifestPath} is not a valid add-in manifest:`);
      for (const error of errors) console.error(`  ${error}`);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`Could not check ${manifestPath}: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
