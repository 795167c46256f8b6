/** Whether this build is the demo over synthetic data (`npm run demo` sets SITE_DEMO=1), and how pages say so. */

/** The label every page of a demo build carries, and the demo's manifest too. */
export const DEMO_LABEL = "合成示例数据";

/** True when the site is built over a synthetic corpus: the build's environment says SITE_DEMO=1. */
export function isDemoBuild(env: Record<string, string | undefined> = process.env): boolean {
  return env["SITE_DEMO"] === "1";
}
