// Checks what `npm run build` produced, the way Excel will read it: the generated functions.json lists every
// LICENSE function with a description, the production manifest points at the production URL, dist/ holds only
// the add-in (no playground, in-memory host or copy of Office.js), the functions' script starts without the
// task pane's code (React, Fluent, the pane), which arrives in its own chunks, and the views the list does not
// need (form, dashboard, import and its file readers) stay out of the pane's first scripts, and neither waits
// for what the register does only when the person acts (set-up, saves, the Dashboard). No script carries React
// or React DOM: the pane runs on preact/compat.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pageScripts } from "./bundle-size.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const distDir = path.join(root, "dist");
const dist = (file) => readFileSync(path.join(distDir, file), "utf8");
const EXPECTED_FUNCTIONS = (
  process.env.EXPECTED_FUNCTIONS ??
  "AVAILABLE,SHORTFALL,COMPLIANCE,COUNTUSED,DAYSTOEXPIRY,RENEWALSTATUS,ANNUALCOST,TRUEUP,USED,STATUS,POSITION"
).split(",");

/** Every file the add-in deploys: its page and scripts (with maps and licence notices), metadata, manifest, icons. */
const ADD_IN_FILES = [
  /^taskpane\.(html|js)$/,
  /^[\w-]+\.[0-9a-f]{8}\.js$/,
  /\.js\.map$/,
  /\.js\.LICENSE\.txt$/,
  /^functions\.json$/,
  /^manifest\.xml$/,
  /^support\.html$/,
  /^assets\/icon-\d+\.png$/,
];

/** Source folders that are not the add-in: they must not reach any deployed script. */
const NOT_ADD_IN = [/\/src\/(host|playground)\//, /\/node_modules\/@microsoft\/office-js\//];

/**
 * React itself: the pane runs on preact/compat (webpack.config.js), about 55 kB gzip lighter before its first
 * paint. A dependency that resolves React some other way would bring it back silently, and run a second React
 * beside Preact.
 */
const REACT_ITSELF = /\/node_modules\/(react|react-dom|scheduler)\//;

/** What the functions' script must not carry, so the functions do not wait for the pane to download. */
const PANE_ONLY = [
  /\/node_modules\/preact\//,
  /\/node_modules\/@fluentui\//,
  /\/src\/taskpane\/(?!index\.tsx$)/,
];

/**
 * What the register does only when the person acts (src/workbook/registerActions.ts and what only it uses:
 * set-up, saves, settings, the Dashboard, snapshots): loaded on first use, before neither the functions nor
 * the pane's first paint.
 */
const ACTED_LATER = [
  /\/src\/workbook\/(registerActions|setUp|concurrency|saveRows|addRecords|saveWatch|writeSettings|dashboard|snapshot|columnMappings|activeSheet)\.ts$/,
];

/** Views and readers the pane loads when they are first used, never before its first paint. */
const LOADED_LATER = [
  /\/src\/taskpane\/(dashboard|import|licences\/form)\//,
  /\/src\/import\//,
  /\/node_modules\/(read-excel-file|fflate|papaparse)\//,
];

function listFiles(dir, prefix = "") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** The source files a built script was made from, from its source map. */
function sourcesOf(script) {
  return JSON.parse(dist(`${script}.map`)).sources;
}

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

const files = listFiles(distDir);
for (const file of files.filter((name) => !ADD_IN_FILES.some((pattern) => pattern.test(name))))
  problems.push(`dist/${file} is not part of the add-in.`);
const scripts = files.filter((name) => name.endsWith(".js"));
for (const script of scripts) {
  const foreign = sourcesOf(script).filter((source) => NOT_ADD_IN.some((pattern) => pattern.test(source)));
  if (foreign.length > 0)
    problems.push(`dist/${script} contains ${foreign[0]}, which is not part of the add-in.`);
}

for (const script of scripts) {
  const react = sourcesOf(script).find((source) => REACT_ITSELF.test(source));
  if (react)
    problems.push(
      `dist/${script} contains ${react}: the pane runs on preact/compat (resolve.alias in webpack.config.js).`,
    );
}

const { runs, preloads } = pageScripts(dist("taskpane.html"));
for (const script of [...runs, ...preloads]) {
  const acting = sourcesOf(script).filter((source) => ACTED_LATER.some((pattern) => pattern.test(source)));
  if (acting.length > 0)
    problems.push(
      `dist/${script} is loaded at start but contains ${acting[0]}: leave it to registerActions.ts, loaded on first use.`,
    );
}
for (const script of runs) {
  const paneCode = sourcesOf(script).filter((source) => PANE_ONLY.some((pattern) => pattern.test(source)));
  if (paneCode.length > 0)
    problems.push(
      `dist/${script} runs before the functions start but contains ${paneCode[0]}: import the pane lazily.`,
    );
}
if (preloads.length === 0) problems.push("dist/taskpane.html preloads no script for the pane.");
for (const script of preloads) {
  const later = sourcesOf(script).filter((source) => LOADED_LATER.some((pattern) => pattern.test(source)));
  if (later.length > 0)
    problems.push(
      `dist/${script} is loaded before the pane's first paint but contains ${later[0]}: load that view lazily (src/taskpane/lazyView.tsx).`,
    );
}

if (problems.length > 0) {
  console.error("The production build is not ready to deploy:");
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(
  `Build checked: ${metadata.functions.length} LICENSE functions in functions.json; manifest points at ` +
    `${expectedUrl}; dist/ holds only the add-in (${files.length} files); the functions start without the pane.`,
);
