/** The site under test: built once into a temp directory (or taken from SITE_DIST) and served by static-server.ts. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildDemoSite, buildSite, FIXTURE_CORPUS, publishPreviousRelease } from "./build-site.ts";
import { serveStatic } from "./static-server.ts";

/** Tests build under a sub-path by default, so a link that ignores `base` ("/spending/") shows up as a 404. */
export const TEST_BASE = "/kanban/";

export interface RunningSite {
  /** Base URL ending in "/", e.g. "http://127.0.0.1:41234/kanban/". */
  url: string;
  /** The directory served: the build output. */
  dist: string;
  base: string;
  close(): Promise<void>;
}

/**
 * SITE_DIST=<dir> serves an existing build (base from BASE_PATH, default "/", as `npm run build` makes it);
 * otherwise builds with BASE_PATH (default TEST_BASE) into a temp directory that close() removes.
 */
export async function startSite(env: NodeJS.ProcessEnv = process.env): Promise<RunningSite> {
  const given = env["SITE_DIST"];
  const base = env["BASE_PATH"] || (given ? "/" : TEST_BASE);
  let dist: string;
  let temp: string | null = null;
  if (given) {
    dist = resolve(given);
  } else {
    temp = await mkdtemp(join(tmpdir(), "kanban-site-"));
    dist = join(temp, "dist");
    // On failure keep only build.log (the error message points to it), not a half-written dist.
    await buildSite(dist, base, join(temp, "build.log")).catch(async (err: unknown) => {
      await rm(dist, { recursive: true, force: true });
      throw err;
    });
  }
  return serveBuilt(dist, base, temp);
}

/**
 * The fixture corpus (test/fixtures/corpus) as a demo build (SITE_DEMO=1, labelled 合成示例数据), published and
 * built into a temp directory of its own, never mixed with the seeds' tables, and served on its own port.
 * FIXTURE_DIST=<dir> serves an existing such build instead (base from BASE_PATH, default TEST_BASE).
 */
export async function startFixtureSite(env: NodeJS.ProcessEnv = process.env): Promise<RunningSite> {
  const given = env["FIXTURE_DIST"];
  const base = env["BASE_PATH"] || TEST_BASE;
  let dist: string;
  let temp: string | null = null;
  if (given) {
    dist = resolve(given);
  } else {
    const dir = await mkdtemp(join(tmpdir(), "kanban-fixture-site-"));
    temp = dir;
    dist = join(dir, "dist");
    // Built against a previous release of the corpus (PREVIOUS_RELEASE), so its /data/changes/ has rows to show.
    const previous = join(dir, "previous");
    try {
      await publishPreviousRelease(FIXTURE_CORPUS, join(dir, "previous-corpus"), previous, join(dir, "previous.log"));
      await buildDemoSite(FIXTURE_CORPUS, join(dir, "data"), dist, base, join(dir, "build.log"), previous);
    } catch (err) {
      // The logs stay: the error quotes their path.
      await Promise.all(["dist", "data", "previous", "previous-corpus"].map((d) => rm(join(dir, d), { recursive: true, force: true })));
      throw err;
    }
  }
  return serveBuilt(dist, base, temp);
}

/** Serves a built dist on a free port; close() stops it and removes temp (the build's own folder), if any. */
async function serveBuilt(dist: string, base: string, temp: string | null): Promise<RunningSite> {
  const server = await serveStatic(dist, base);
  return {
    url: server.url,
    dist,
    base,
    async close() {
      await server.close();
      if (temp) await rm(temp, { recursive: true, force: true });
    },
  };
}
