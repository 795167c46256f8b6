/** The test server itself: what a plain static host does, and the Range answers DuckDB-WASM relies on. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseRange, serveStatic, type StaticServer } from "./static-server.ts";

let root: string;
let server: StaticServer;
const BYTES = "0123456789";

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "static-server-"));
  await mkdir(join(root, "spending"));
  await writeFile(join(root, "spending", "index.html"), "<p>支出</p>");
  await writeFile(join(root, "site.duckdb"), BYTES);
  await writeFile(join(root, "duckdb-eh.wasm.gz"), "gz");
  await writeFile(join(root, "404.html"), "not here");
  server = await serveStatic(root, "/kanban/");
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, server.url), { headers, redirect: "manual" });

describe("parseRange", () => {
  test.each([
    ["bytes=0-0", [0, 0]],
    ["bytes=2-", [2, 9]],
    ["bytes=-3", [7, 9]],
    ["bytes=5-100", [5, 9]],
    ["bytes=10-", "unsatisfiable"],
    ["bytes=0-1,4-5", null],
    [undefined, null],
  ] as const)("%s of 10 bytes → %j", (header, expected) => {
    expect(parseRange(header, 10)).toEqual(expected);
  });
});

test("serves under the base path on 127.0.0.1 with a free port", () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kanban\/$/);
});

test("Range: bytes=0-0 gets 206 with one byte, not the whole file", async () => {
  const res = await get("site.duckdb", { Range: "bytes=0-0" });
  expect(res.status).toBe(206);
  expect(res.headers.get("content-range")).toBe("bytes 0-0/10");
  expect(await res.text()).toBe("0");
});

test("an unsatisfiable range gets 416 with the size", async () => {
  const res = await get("site.duckdb", { Range: "bytes=20-" });
  expect(res.status).toBe(416);
  expect(res.headers.get("content-range")).toBe("bytes */10");
});

test("HEAD gives the length and no body", async () => {
  const res = await fetch(new URL("site.duckdb", server.url), { method: "HEAD" });
  expect([res.status, res.headers.get("content-length"), res.headers.get("accept-ranges")]).toEqual([200, "10", "bytes"]);
});

test("a .gz file is sent as itself, not with Content-Encoding", async () => {
  const res = await get("duckdb-eh.wasm.gz");
  expect([res.headers.get("content-type"), res.headers.get("content-encoding")]).toEqual(["application/gzip", null]);
});

test("directories redirect to a trailing slash and serve index.html", async () => {
  const redirect = await get("spending?county=430682");
  expect([redirect.status, redirect.headers.get("location")]).toEqual([301, "/kanban/spending/?county=430682"]);
  const page = await get("spending/");
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(await page.text()).toBe("<p>支出</p>");
});

test("paths outside the base or the root are 404 with the site's 404 page", async () => {
  for (const path of ["/spending/", "/kanban/%2e%2e/%2e%2e/etc/passwd", "/kanban/missing"]) {
    const res = await fetch(`${new URL(server.url).origin}${path}`);
    expect([path, res.status, await res.text()]).toEqual([path, 404, "not here"]);
  }
});
