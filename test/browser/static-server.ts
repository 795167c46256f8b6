/**
 * A deliberately plain static file server (node:http, no dependencies, no compression, no rewrites), so the
 * browser tests also prove the site "works on any static server". It answers HTTP Range requests with 206,
 * as DuckDB-WASM's range reads of site.duckdb need, and serves the site under a base path.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  // A .gz file is served as itself (no Content-Encoding): the site inflates duckdb-eh.wasm.gz in the browser.
  ".gz": "application/gzip",
  ".parquet": "application/vnd.apache.parquet",
  ".duckdb": "application/octet-stream",
};

export interface StaticServer {
  /** Origin plus base path, ending in "/": "http://127.0.0.1:41234/kanban/". */
  url: string;
  close(): Promise<void>;
}

/** Content type for a file name; unknown extensions are opaque bytes. */
export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** "bytes=0-99" → [0, 99] within size; null for no/ignored header (multi-range), "unsatisfiable" when out of range. */
export function parseRange(header: string | undefined, size: number): [number, number] | null | "unsatisfiable" {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    // Suffix range "bytes=-500": the last 500 bytes.
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? "unsatisfiable" : [start, end];
}

async function fileAt(path: string): Promise<{ path: string; size: number; mtime: Date } | null> {
  const s = await stat(path).catch(() => null);
  return s?.isFile() ? { path, size: s.size, mtime: s.mtime } : null;
}

async function send(req: IncomingMessage, res: ServerResponse, file: { path: string; size: number; mtime: Date }, status = 200) {
  const headers: Record<string, string | number> = {
    "Content-Type": contentType(file.path),
    "Accept-Ranges": "bytes",
    "Last-Modified": file.mtime.toUTCString(),
  };
  const range = status === 200 ? parseRange(req.headers.range, file.size) : null;
  if (range === "unsatisfiable") {
    res.writeHead(416, { ...headers, "Content-Range": `bytes */${file.size}` }).end();
    return;
  }
  const [start, end] = range ?? [0, file.size - 1];
  if (range) headers["Content-Range"] = `bytes ${start}-${end}/${file.size}`;
  headers["Content-Length"] = file.size === 0 ? 0 : end - start + 1;
  res.writeHead(range ? 206 : status, headers);
  if (req.method === "HEAD" || file.size === 0) res.end();
  else createReadStream(file.path, { start, end }).pipe(res);
}

async function handle(root: string, base: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("bad request: malformed URL");
    return;
  }
  const notFound = async () => {
    const page = await fileAt(join(root, "404.html"));
    if (page) await send(req, res, page, 404);
    else res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
  };
  if (`${pathname}/` === base) {
    res.writeHead(301, { Location: base + url.search }).end();
    return;
  }
  if (!pathname.startsWith(base)) return notFound();
  const target = resolve(root, `.${sep}${pathname.slice(base.length)}`);
  if (target !== root && !target.startsWith(root + sep)) return notFound();
  const s = await stat(target).catch(() => null);
  if (s?.isDirectory()) {
    // Like most static hosts: "/spending" → "/spending/", then the directory's index.html.
    if (!pathname.endsWith("/")) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const index = await fileAt(join(target, "index.html"));
    return index ? send(req, res, index) : notFound();
  }
  const file = await fileAt(target);
  return file ? send(req, res, file) : notFound();
}

/** Serves root under base ("/" or "/sub/") on host:port (port 0 = a free port). */
export function serveStatic(root: string, base = "/", host = "127.0.0.1", port = 0): Promise<StaticServer> {
  const dir = resolve(root);
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const server = createServer((req, res) => {
    handle(dir, prefix, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(String(err));
    });
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      done({
        url: `http://${host}:${bound}${prefix}`,
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}
