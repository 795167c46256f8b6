/**
 * Browser project set-up, once per test run: Chromium present, site built and served on 127.0.0.1:<free port>.
 * A failure here is handed to the tests (inject("site").error) rather than thrown, so the unit project still
 * reports and every browser test fails with the build's own message.
 */
import type { TestProject } from "vitest/node";
import { ensureChromium } from "./chromium.ts";
import { startSite, type RunningSite } from "./serve-site.ts";

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
  }
}

/** Vitest globalSetup: provides "site" and returns the teardown that stops the server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let running: RunningSite | null = null;
  try {
    await ensureChromium();
    running = await startSite();
    project.provide("site", { url: running.url, dist: running.dist, base: running.base, error: null });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`browser tests: site not available: ${message}\n`);
    project.provide("site", { url: "", dist: "", base: "/", error: message });
  }
  return async () => {
    await running?.close();
  };
}
