// A minimal static file server for browser tests and benchmarks against a built site (directory
// URLs, 404 page). Text is sent gzip-compressed when the browser asks for it, as every static host
// does, so page weights and Lighthouse see what a reader's browser receives.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { createGzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".xml": "application/xml; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

function resolveFile(root: string, pathname: string): string | undefined {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(root, safe);
  if (!candidate.startsWith(root)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, "index.html");
  return existsSync(index) ? index : undefined;
}

/**
 * Serves `root`; `headers`, when given, adds a host's response headers per path (as
 * public/_headers sets them, tests/support/host-headers.ts).
 */
export async function serveStatic(
  root: string,
  headers?: (pathname: string) => Record<string, string>,
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const file = resolveFile(root, pathname);
    const notFound = join(root, "404.html");
    const path = file ?? (existsSync(notFound) ? notFound : undefined);
    if (!path) {
      res.writeHead(404).end("not found");
      return;
    }
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    const gzip =
      /\bgzip\b/u.test(String(req.headers["accept-encoding"] ?? "")) &&
      /^(text|application\/(json|xml)|image\/svg)/u.test(type);
    res.writeHead(file ? 200 : 404, {
      ...headers?.(pathname),
      "content-type": type,
      vary: "accept-encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    const body = createReadStream(path);
    if (gzip) body.pipe(createGzip()).pipe(res);
    else body.pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
