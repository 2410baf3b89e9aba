// Runs the browser tests: serves the playground build (dist-playground/) on localhost and drives headless
// Chromium through jest (jest.e2e.config.js). Build it first: `npm run build:playground`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDist } from "./serve-dist.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
if (!existsSync(path.join(root, "dist-playground", "playground.html"))) {
  console.error("dist-playground/ has no playground.html: run `npm run build:playground` first.");
  process.exit(1);
}
const { server, url } = await serveDist(0, "127.0.0.1", "dist-playground");
const jest = spawn(
  process.execPath,
  [
    path.join(root, "node_modules", "jest", "bin", "jest.js"),
    "-c",
    "jest.e2e.config.js",
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, E2E_BASE_URL: url },
  },
);
jest.on("exit", (code) => {
  server.close();
  process.exit(code ?? 1);
});
