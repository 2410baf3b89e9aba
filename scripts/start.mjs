// `npm start`: builds and serves the add-in on localhost with live rebuilds.
// - Without Excel (any machine): open the printed playground URL — the real task pane beside an in-browser workbook.
// - With desktop Excel on Windows or Mac: `npm start -- --excel` also sideloads the add-in (office-addin-debugging).
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import { sideload } from "./sideload.mjs";

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const wantsExcel = process.argv.includes("--excel");
const port = Number(process.env.PORT || 3000);

if (wantsExcel) {
  sideload("start");
} else {
  const configFactory = require(path.join(root, "webpack.config.js"));
  // The playground build: the add-in's own page (taskpane.html) is served by `npm run dev-server` for Excel.
  const config = await configFactory({ playground: true }, { mode: "development" });
  config.mode = "development";
  const compiler = webpack(config);
  let announced = false;
  compiler.hooks.done.tap("announce", (stats) => {
    if (announced || stats.hasErrors()) return;
    announced = true;
    const base = `http://localhost:${port}/`;
    console.log("\nLicence Register is running.");
    console.log(`  Playground (no Excel needed): ${base}playground.html`);
    console.log(`  Two co-authors side by side:  ${base}playground.html?coauthors=2`);
    console.log("  In Excel: npm start -- --excel (desktop) or ADDIN_HTTPS=1 npm run dev-server (web)");
    console.log("Press Ctrl+C to stop.\n");
  });
  const server = new WebpackDevServer(config.devServer, compiler);
  await server.start();
}
