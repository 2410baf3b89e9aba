// Measures what Excel downloads before the functions run and before the task pane paints, from the production
// build (dist/), and merges the figures into bench/results.json without touching its other keys:
// - functions_initial_kb_gz: the scripts taskpane.html runs (<script src>): the LICENSE functions and the live
//   register, which start before any of the pane arrives.
// - taskpane_initial_kb_gz: those plus the scripts it preloads for the pane (<link rel="preload" as="script">):
//   everything the pane needs for its first paint. Views loaded later (form, dashboard, import) are not counted.
// Sizes are gzip (level 6, what web servers use by default) in kB of 1,000 bytes. Office.js from Microsoft's CDN
// is not counted: every add-in loads it.
// Usage: node scripts/bundle-size.mjs [--build]   (--build runs the production build first)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, "dist");
const RESULTS = path.join(root, "bench", "results.json");

/** The local scripts an HTML page runs, and the ones it preloads, in document order. */
export function pageScripts(html) {
  const local = (url) => !/^(https?:)?\/\//.test(url);
  const attribute = (tag, name) => new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`).exec(tag);
  const value = (match) => match && (match[1] ?? match[2] ?? match[3]);
  const runs = [...html.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => value(attribute(tag, "src")))
    .filter((src) => src && local(src));
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => value(attribute(tag, "rel")) === "preload" && value(attribute(tag, "as")) === "script")
    .map((tag) => value(attribute(tag, "href")))
    .filter((href) => href && local(href));
  return { runs, preloads };
}

export function gzipKb(files) {
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file))).length, 0);
  return Math.round(bytes / 100) / 10;
}

export function measureBundles() {
  const { runs, preloads } = pageScripts(readFileSync(path.join(dist, "taskpane.html"), "utf8"));
  if (runs.length === 0) throw new Error("dist/taskpane.html runs no local script.");
  return {
    functions_initial_kb_gz: gzipKb(runs),
    taskpane_initial_kb_gz: gzipKb([...runs, ...preloads]),
    files: Object.fromEntries([...runs, ...preloads].map((file) => [file, gzipKb([file])])),
  };
}

const isCli = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isCli) {
  if (process.argv.includes("--build") || !existsSync(path.join(dist, "taskpane.html"))) {
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"],
      {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
  }
  const { files, ...figures } = measureBundles();
  for (const [file, kb] of Object.entries(files)) console.log(`  ${file.padEnd(28)} ${kb} kB gzip`);
  console.log(`functions_initial_kb_gz ${figures.functions_initial_kb_gz}`);
  console.log(`taskpane_initial_kb_gz  ${figures.taskpane_initial_kb_gz}`);
  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...previous, ...figures }, null, 2)}\n`);
}
