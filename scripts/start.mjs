// `npm start`: builds and serves the add-in with live rebuilds, on this computer only (localhost).
// - Without Excel (any machine): open the printed playground URL — the real task pane beside an in-browser workbook.
// - With desktop Excel on Windows or Mac: `npm start -- --excel` also sideloads the add-in (office-addin-debugging).
// - PORT chooses the port (default 3000, or the next free one); HOST=0.0.0.0 serves to other computers too.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import { choosePort, DEFAULT_PORT, portProblem, probePort } from "./port.mjs";
import { sideload } from "./sideload.mjs";

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const wantsExcel = process.argv.includes("--excel");
const host = process.env.HOST || "localhost";

function stop(sentence) {
  console.error(`\n${sentence}\n`);
  process.exit(1);
}

if (wantsExcel) {
  // manifest.xml points Excel at https://localhost:3000, so that port and no other.
  const code = await probePort(DEFAULT_PORT, "localhost");
  if (code === "EADDRINUSE")
    stop(
      `Excel loads the add-in from https://localhost:${DEFAULT_PORT} (see manifest.xml), so port ${DEFAULT_PORT} must be free, but another program is using it (perhaps \`npm start\` in another window). Stop that program and try again.`,
    );
  if (code) stop(portProblem(DEFAULT_PORT, "localhost", code));
  sideload("start");
} else {
  const chosen = await choosePort({ requested: process.env.PORT, host });
  if (chosen.problem) stop(chosen.problem);
  const { port } = chosen;
  process.env.PORT = String(port);

  const configFactory = require(path.join(root, "webpack.config.js"));
  // The playground build: the add-in's own page (taskpane.html) is served by `npm run dev-server` for Excel.
  const config = await configFactory({ playground: true }, { mode: "development" });
  config.mode = "development";
  const devServer = { ...config.devServer, port, host };
  const compiler = webpack(config);
  let announced = false;
  compiler.hooks.done.tap("announce", (stats) => {
    if (announced || stats.hasErrors()) return;
    announced = true;
    const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
    const base = `http://${shown}:${port}/`;
    console.log("\nLicence Register is running.");
    if (chosen.note) console.log(`  ${chosen.note}`);
    console.log(`  Playground (no Excel needed): ${base}playground.html`);
    console.log(`  Two co-authors side by side:  ${base}playground.html?coauthors=2`);
    console.log(`  Narrowest task pane (320 px): ${base}playground.html?pane=320`);
    console.log("  In Excel: npm start -- --excel (desktop) or ADDIN_HTTPS=1 npm run dev-server (web)");
    console.log(
      host === "localhost" || host === "127.0.0.1" || host === "::1"
        ? "Only this computer can open it."
        : `Other computers on your network can open it too (HOST=${host}).`,
    );
    console.log("Press Ctrl+C to stop.\n");
  });
  const server = new WebpackDevServer(devServer, compiler);
  try {
    await server.start();
  } catch (error) {
    // Another program took the port between the check and now, or the host cannot be served on.
    stop(portProblem(port, host, error?.code ?? String(error?.message ?? error)));
  }
}
