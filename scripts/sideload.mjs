// Sideloads the add-in into desktop Excel (Windows, Mac) with office-addin-debugging, or stops it:
//   node scripts/sideload.mjs [start|stop]
// office-addin-debugging is an optional dependency: where it could not be installed this says so plainly.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function sideload(command = "start") {
  let cli;
  try {
    cli = require.resolve("office-addin-debugging/cli.js");
  } catch {
    console.error(
      "Sideloading needs office-addin-debugging, which is not installed here (it is optional and installs only " +
        "where its native dependency builds, e.g. on Windows and Mac). Use `npm start` for the playground, or " +
        "upload manifest.xml to Excel on the web by hand (see README).",
    );
    process.exit(1);
  }
  const args =
    command === "stop" ? ["stop", "manifest.xml"] : ["start", "manifest.xml", "desktop", "--app", "excel"];
  // office-addin-debugging starts the https dev server itself (`npm run dev-server`); it prints errors but
  // exits 0 on failure, so its exit code is passed on without being trusted for anything else.
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ADDIN_HTTPS: "1" },
  });
  child.on("exit", (code) => process.exit(code ?? 0));
}

const isCli = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isCli) sideload(process.argv[2] ?? "start");
