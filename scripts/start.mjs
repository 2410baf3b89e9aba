// `npm start`: builds and serves the add-in on localhost with live rebuilds.
// - Without Excel (any machine): open the printed playground URL — the real task pane beside an in-browser workbook.
// - With desktop Excel on Windows or Mac: `npm start -- --excel` also sideloads the add-in (office-addin-debugging).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const wantsExcel = process.argv.includes("--excel");
const port = Number(process.env.PORT || 3000);

function officeAddinDebugging() {
  try {
    return require.resolve("office-addin-debugging/cli.js");
  } catch {
    return null;
  }
}

if (wantsExcel) {
  const cli = officeAddinDebugging();
  if (!cli) {
    console.error(
      "Sideloading needs office-addin-debugging, which is not installed here (it is optional and only installs " +
        "where its native dependency builds, e.g. on Windows and Mac). Use `npm start` for the playground, or " +
        "sideload manifest.xml into Excel on the web by hand (see README).",
    );
    process.exit(1);
  }
  process.env.ADDIN_HTTPS = "1";
  // office-addin-debugging starts the dev server itself (`npm run dev-server`) and opens Excel with the add-in.
  const child = spawn(process.execPath, [cli, "start", "manifest.xml", "desktop", "--app", "excel"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  const configFactory = require(path.join(root, "webpack.config.js"));
  const config = await configFactory({}, { mode: "development" });
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
    console.log(
      `  Task pane page for Excel:     ${base}taskpane.html (Excel needs https: npm start -- --excel)`,
    );
    console.log("Press Ctrl+C to stop.\n");
  });
  const server = new WebpackDevServer(config.devServer, compiler);
  await server.start();
}
