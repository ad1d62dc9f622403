// Serves the built site (dist/) on 127.0.0.1 only.
//   node serve.mjs DIR [PORT]   (PORT 0 or missing: any free port)
// Prints "serving http://127.0.0.1:PORT/" once it listens; stops on SIGTERM/SIGINT.
import {createServer} from "node:http";
import {readFile} from "node:fs/promises";
import {extname, join, normalize, resolve} from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const types = {".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
               ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml", ".csv": "text/csv"};
const server = createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream"}).end(body);
  } catch {
    res.writeHead(404, {"content-type": "text/plain"}).end("not found");
  }
});
server.listen(Number(process.argv[3] ?? 0), "127.0.0.1", () =>
  console.log(`serving http://127.0.0.1:${server.address().port}/`));
for (const s of ["SIGTERM", "SIGINT"]) process.on(s, () => server.close(() => process.exit(0)));
