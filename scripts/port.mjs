// Chooses the port `npm start` serves on, with plain sentences instead of a raw EADDRINUSE stack trace.
import { createServer } from "node:net";

export const DEFAULT_PORT = 3000;
/** How many ports from the default are tried when PORT is not set: 3000 to 3019. */
const TRIES = 20;

function listenBriefly(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error) => resolve(error.code ?? "ERROR"));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

/**
 * Listens on host:port for a moment: undefined when it is free, else the error code (EADDRINUSE, EACCES, …).
 * "localhost" is both 127.0.0.1 and ::1 (browsers try either), so both must be free; a machine without IPv6
 * has no ::1 to take.
 */
export async function probePort(port, host) {
  if (host !== "localhost") return listenBriefly(port, host);
  const ipv4 = await listenBriefly(port, "127.0.0.1");
  if (ipv4) return ipv4;
  const ipv6 = await listenBriefly(port, "::1");
  return ipv6 === "EADDRNOTAVAIL" || ipv6 === "EAFNOSUPPORT" ? undefined : ipv6;
}

/** A sentence for a port that cannot be listened on, saying what to do next. */
export function portProblem(port, host, code) {
  const another = `e.g. PORT=${port === DEFAULT_PORT ? DEFAULT_PORT + 1 : DEFAULT_PORT} npm start`;
  if (code === "EADDRINUSE")
    return `Port ${port} on ${host} is already in use by another program (perhaps another \`npm start\`). Stop that program, or choose another port, ${another}.`;
  if (code === "EACCES")
    return `Port ${port} needs administrator rights on this computer. Choose a port above 1023, ${another}.`;
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
    return `This computer has no address "${host}" to serve on. Leave HOST unset to serve on localhost only.`;
  return `Could not serve on port ${port} of ${host} (${code}). Choose another port, ${another}.`;
}

/**
 * The port to serve on. A PORT the person set must be free, or they are told why not; without one, the first
 * free port from 3000 (so a second `npm start` still starts), with a note when it is not 3000.
 * Returns { port, note? } or { problem }.
 */
export async function choosePort({ requested, host, from = DEFAULT_PORT }) {
  if (requested !== undefined && requested !== "") {
    const port = Number(requested);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      return {
        problem: `PORT must be a whole number from 1 to 65535, e.g. PORT=${DEFAULT_PORT + 1} npm start.`,
      };
    const code = await probePort(port, host);
    return code ? { problem: portProblem(port, host, code) } : { port };
  }
  for (let port = from; port < from + TRIES; port++) {
    const code = await probePort(port, host);
    if (!code) {
      return port === from
        ? { port }
        : {
            port,
            note: `Port ${from} is in use by another program, so this runs on port ${port} (set PORT to choose, e.g. PORT=${port + 1} npm start).`,
          };
    }
    if (code !== "EADDRINUSE") return { problem: portProblem(port, host, code) };
  }
  return {
    problem: `Ports ${from} to ${from + TRIES - 1} are all in use. Stop a program using one of them, or choose a free port, e.g. PORT=8080 npm start.`,
  };
}
