import { execFile } from "node:child_process";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

/** `npm start` with its port taken: a plain sentence saying which port and how to choose another, no stack trace. */

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");

/** Calls scripts/port.mjs's choosePort in a fresh Node (it is an ES module) and returns its answer. */
async function choosePort(options: { requested?: string; host: string; from?: number }) {
  const script = `import(${JSON.stringify(path.join(root, "scripts/port.mjs"))}).then(async (m) => console.log(JSON.stringify(await m.choosePort(${JSON.stringify(options)}))))`;
  const { stdout } = await run(process.execPath, ["-e", script]);
  return JSON.parse(stdout) as { port?: number; note?: string; problem?: string };
}

let blocker: Server;
let taken: number;

beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  taken = (blocker.address() as { port: number }).port;
});

afterAll(() => new Promise((resolve) => blocker.close(resolve)));

it("names the taken port and how to choose another when PORT is set to it", async () => {
  expect(await choosePort({ requested: String(taken), host: "localhost" })).toEqual({
    problem: `Port ${taken} on localhost is already in use by another program (perhaps another \`npm start\`). Stop that program, or choose another port, e.g. PORT=3000 npm start.`,
  });
});

it("moves on to the next free port when PORT is not set, and says so", async () => {
  const chosen = await choosePort({ host: "localhost", from: taken });
  expect(chosen.port).toBeGreaterThan(taken);
  expect(chosen.note).toBe(
    `Port ${taken} is in use by another program, so this runs on port ${chosen.port} (set PORT to choose, e.g. PORT=${chosen.port! + 1} npm start).`,
  );
});

it("refuses a PORT that is not a port number", async () => {
  expect(await choosePort({ requested: "three thousand", host: "localhost" })).toEqual({
    problem: "PORT must be a whole number from 1 to 65535, e.g. PORT=3001 npm start.",
  });
});

it("npm start stops with that sentence before building, exit code 1", async () => {
  const failure = await run(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(taken) },
  }).then(
    () => undefined,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stderr.trim()).toBe(
    `Port ${taken} on localhost is already in use by another program (perhaps another \`npm start\`). Stop that program, or choose another port, e.g. PORT=3000 npm start.`,
  );
  expect(failure?.stderr).not.toMatch(/EADDRINUSE|at .*\.js:\d+/);
});

// Loading webpack.config.js loads webpack's plugins: seconds on a busy 2-core machine.
it("serves on this computer only unless HOST says otherwise", async () => {
  const { HOST: _host, ...environment } = process.env;
  const script = `Promise.resolve(require(${JSON.stringify(path.join(root, "webpack.config.js"))})({}, { mode: "development" })).then((c) => console.log(c.devServer.host))`;
  const local = await run(process.execPath, ["-e", script], { cwd: root, env: environment });
  expect(local.stdout.trim()).toBe("localhost");
  const network = await run(process.execPath, ["-e", script], {
    cwd: root,
    env: { ...environment, HOST: "0.0.0.0" },
  });
  expect(network.stdout.trim()).toBe("0.0.0.0");
}, 60_000);
