// Site config: base path from BASE_PATH, the self-hosted DuckDB-WASM engine files (see src/query/wasm-db.ts),
// and the original files of the published reports.
import { defineConfig } from "astro/config";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, cp, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pipeline } from "node:stream/promises";
import { createGzip, gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const wasmDist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
const WORKER = "duckdb-browser-eh.worker.js";
const WASM = "duckdb-eh.wasm";
/** Served under <base>duckdb/; the client builds the same URLs in src/client/engine.ts. */
const ENGINE_DIR = "duckdb";

/**
 * duckdb-eh.wasm is 34 MB raw, over the 25 MiB many static hosts accept, so it ships gzip-compressed
 * (≈ 7.6 MB) as a plain file and the browser inflates it with DecompressionStream: no server config needed.
 */
function duckdbEngine() {
  return {
    name: "duckdb-engine",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        const out = join(fileURLToPath(dir), ENGINE_DIR);
        await mkdir(out, { recursive: true });
        await copyFile(join(wasmDist, WORKER), join(out, WORKER));
        await pipeline(createReadStream(join(wasmDist, WASM)), createGzip({ level: 9 }), createWriteStream(join(out, `${WASM}.gz`)));
      },
      "astro:server:setup": ({ server }) => {
        let gz = null;
        const prefix = `${base.replace(/\/?$/, "/")}${ENGINE_DIR}/`;
        server.middlewares.use(async (req, res, next) => {
          const path = (req.url ?? "").split("?")[0];
          if (!path.startsWith(prefix)) return next();
          const name = path.slice(prefix.length);
          if (name === WORKER) {
            res.setHeader("Content-Type", "text/javascript");
            res.end(await readFile(join(wasmDist, WORKER)));
          } else if (name === `${WASM}.gz`) {
            gz ??= gzipSync(await readFile(join(wasmDist, WASM)), { level: 1 });
            res.setHeader("Content-Type", "application/gzip");
            res.end(gz);
          } else next();
        });
      },
    },
  };
}

const base = process.env.BASE_PATH || "/";

/**
 * The browser reads the tables from <base>data/, which Astro copies from public/data. A build over another data
 * directory (DATA_DIR, e.g. `npm run demo`) ships that directory there instead, so a demo never serves the real tables.
 */
function dataDirectory() {
  const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : null;
  return {
    name: "data-directory",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        if (!dataDir || dataDir === resolve("public/data")) return;
        // dist/data also holds the /data/ page: remove only what public/data put there.
        const out = join(fileURLToPath(dir), "data");
        const copied = await readdir(resolve("public/data")).catch(() => []);
        await Promise.all(copied.map((name) => rm(join(out, name), { recursive: true, force: true })));
        await cp(dataDir, out, { recursive: true });
      },
    },
  };
}

/** Served under <base>originals/<source_file>; the report page links there (originalHref in src/format/url.ts). */
const ORIGINALS_DIR = "originals";

/**
 * The original .docx, .doc or .pdf of every published report, copied from the corpus (REPORTS_DIR) as
 * published in the manifest (DATA_DIR). A .txt or a web page is not copied: its whole text is on the report page (and a
 * saved page's scripts are never served from this site), and static
 * hosts count files (20,000 at 10,000 reports would be the limit of several).
 */
function originals() {
  const reportsDir = resolve(process.env.REPORTS_DIR ?? "data/reports");
  const dataDir = resolve(process.env.DATA_DIR ?? "public/data");
  const published = async () => {
    const text = await readFile(join(dataDir, "manifest.json"), "utf8").catch((e) => (e.code === "ENOENT" ? null : Promise.reject(e)));
    if (text === null) return []; // no data published yet: no report pages, so nothing to link to
    const manifest = JSON.parse(text);
    // source_file is relative to the corpus with forward slashes; nothing may climb out of it.
    return manifest.inputs
      .filter((i) => i.status === "published" && i.format !== "txt" && i.format !== "html" && !i.source_file.split("/").includes(".."))
      .map((i) => i.source_file);
  };
  return {
    name: "report-originals",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        for (const file of await published()) {
          const to = join(fileURLToPath(dir), ORIGINALS_DIR, ...file.split("/"));
          await mkdir(dirname(to), { recursive: true });
          await copyFile(join(reportsDir, ...file.split("/")), to);
        }
      },
      "astro:server:setup": ({ server }) => {
        const prefix = `${base.replace(/\/?$/, "/")}${ORIGINALS_DIR}/`;
        server.middlewares.use(async (req, res, next) => {
          const path = decodeURIComponent((req.url ?? "").split("?")[0]);
          if (!path.startsWith(prefix)) return next();
          const file = path.slice(prefix.length);
          if (!(await published()).includes(file)) return next();
          res.end(await readFile(join(reportsDir, ...file.split("/"))));
        });
      },
    },
  };
}

export default defineConfig({
  base,
  trailingSlash: "ignore",
  // Stylesheets: src/layouts/Base.astro inlines site.css, so the main routes paint without waiting for a second
  // request, except in the ~10,000 report pages, which link it (inlined there: ~90 MiB, near a host's 1 GiB). A
  // stylesheet imported the usual way stays a file for the same reason.
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [duckdbEngine(), dataDirectory(), originals()],
  devToolbar: { enabled: false },
  vite: {
    // Native bindings: load from node_modules at build time rather than bundling.
    ssr: { external: ["@duckdb/node-api"] },
    optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
  },
});
