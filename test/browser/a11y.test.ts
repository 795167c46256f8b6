/** axe-core on every route of both sites (JavaScript on, DuckDB settled): no serious or critical violations. */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { SITES } from "./routes.ts";
import { expectDuckdbReady, useBrowser, usesDuckdb } from "./site.ts";

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

describe.each(await SITES())("$key", ({ key, routes }) => {
  const session = useBrowser(key);

  test.each(routes)("/%s has no serious or critical axe violations", async (route) => {
    const { page } = await session.open(route);
    if (await usesDuckdb(page)) await expectDuckdbReady(page);
    // Injected as content, not from a URL, so axe itself cannot trip the no-external-request check.
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
    });
    const severe: Violation[] = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(severe).toEqual([]);
  });
});
