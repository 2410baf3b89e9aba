// A small static file server for a build folder: dist-playground/ for the browser tests, or dist/ to look at the
// add-in's files as Excel would fetch them. Usage: node scripts/serve-dist.mjs [dist|dist-playground]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Serves `folder` (relative to the project) on localhost; resolves with the server and its base URL. */
export function serveDist(port = 0, host = "127.0.0.1", folder = "dist") {
  const root = path.join(projectRoot, folder);
  const server = createServer(async (request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(root, urlPath === "/" ? "index.html" : urlPath);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      response.end(await readFile(file));
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        server,
        url: `http://${host}:${typeof address === "object" && address ? address.port : port}/`,
      });
    });
  });
}

const isCli = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isCli) {
  const folder = process.argv[2] ?? "dist-playground";
  const { url } = await serveDist(Number(process.env.PORT || 3000), "127.0.0.1", folder);
  console.log(`Serving ${folder}/ at ${url}`);
  if (folder === "dist-playground") console.log(`Playground: ${url}playground.html`);
}
