// Checks what `npm run build` produced, the way Excel will read it: the generated functions.json lists
// every LICENSE function with a description, and the production manifest points at the production URL.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = (file) => readFileSync(path.join(root, "dist", file), "utf8");
const EXPECTED_FUNCTIONS = (
  process.env.EXPECTED_FUNCTIONS ??
  "AVAILABLE,SHORTFALL,COMPLIANCE,COUNTUSED,DAYSTOEXPIRY,RENEWALSTATUS,ANNUALCOST,TRUEUP,USED,STATUS,POSITION"
).split(",");

const problems = [];
const metadata = JSON.parse(dist("functions.json"));
const byId = new Map(metadata.functions.map((fn) => [fn.id, fn]));
for (const id of EXPECTED_FUNCTIONS) {
  const fn = byId.get(id);
  if (!fn) problems.push(`functions.json has no ${id}.`);
  else if (!fn.description) problems.push(`${id} has no description in functions.json.`);
  else if (fn.parameters.some((parameter) => !parameter.description))
    problems.push(`${id} has a parameter without a description.`);
}

const manifest = dist("manifest.xml");
if (manifest.includes("localhost")) problems.push("dist/manifest.xml still points at localhost.");
const { productionUrl } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).config;
const expectedUrl = process.env.ADDIN_PRODUCTION_URL || productionUrl;
if (!manifest.includes(expectedUrl)) problems.push(`dist/manifest.xml does not point at ${expectedUrl}.`);

if (problems.length > 0) {
  console.error("The production build is not ready to deploy:");
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(
  `Build checked: ${metadata.functions.length} LICENSE functions in functions.json; manifest points at ${expectedUrl}.`,
);
