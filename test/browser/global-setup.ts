/**
 * Browser project set-up, once per test run: Chromium present, the seeds' site built and served on
 * 127.0.0.1:<free port> ("site"), then the fixture corpus's demo build on another port ("fixtureSite"). A failure
 * here is handed to the tests (inject(...).error) rather than thrown, so the unit project still reports and every
 * browser test of that site fails with the build's own message.
 */
import type { TestProject } from "vitest/node";
import { ensureChromium } from "./chromium.ts";
import { startFixtureSite, startSite, type RunningSite } from "./serve-site.ts";

export interface SiteInfo {
  url: string;
  dist: string;
  base: string;
  /** Why the site could not be prepared; tests fail with this text. */
  error: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    site: SiteInfo;
    /** The fixture corpus (test/fixtures/corpus) built as a demo site: 39 synthetic reports, 12 units. */
    fixtureSite: SiteInfo;
  }
}

/** Starts one site and provides it under key, or provides the error; never throws. */
async function provideSite(project: TestProject, key: "site" | "fixtureSite", start: () => Promise<RunningSite>): Promise<RunningSite | null> {
  try {
    const running = await start();
    project.provide(key, { url: running.url, dist: running.dist, base: running.base, error: null });
    return running;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`browser tests: ${key} not available: ${message}\n`);
    project.provide(key, { url: "", dist: "", base: "/", error: message });
    return null;
  }
}

/** Vitest globalSetup: provides "site" and "fixtureSite" and returns the teardown that stops both servers. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const running: RunningSite[] = [];
  const chromium = await ensureChromium().then(
    () => null,
    (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
  );
  const failing = (): Promise<RunningSite> => Promise.reject(chromium);
  // One after the other: two Astro builds at once would only slow each other on a loaded machine.
  for (const [key, start] of [
    ["site", startSite],
    ["fixtureSite", startFixtureSite],
  ] as const) {
    const site = await provideSite(project, key, chromium ? failing : () => start());
    if (site) running.push(site);
  }
  return async () => {
    await Promise.all(running.map((s) => s.close()));
  };
}
