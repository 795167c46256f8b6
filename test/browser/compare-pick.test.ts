/**
 * /compare/ picks its reports by name, not from a list of every report (stop-gap until the SearchBox "pick"
 * mode): typing a county's name or pinyin lists its reports as checkboxes; ticking one redraws the comparison.
 */
import { expect, test } from "vitest";
import { waitForTableIds } from "./chart-page.ts";
import { expectDuckdbReady, useBrowser } from "./site.ts";

const session = useBrowser();
const JISHOU = "433101-2022-kjgyxxhj";

test("the page lists only the default pick; a pinyin search finds a report and ticking it adds it", async () => {
  const { page } = await session.open("compare/");
  await expectDuckdbReady(page);
  const form = page.locator("form.filters");
  const boxes = form.locator('input[name="id"]');
  const defaults = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(defaults.length).toBeLessThanOrEqual(5);
  expect(defaults).toContain(JISHOU);

  await form.locator(`input[name="id"][value="${JISHOU}"]`).uncheck();
  const rest = defaults.filter((id) => id !== JISHOU);
  await waitForTableIds(page, "compare", rest);

  await page.locator("#compare-search").fill("jishou");
  await page.waitForFunction(() => (document.getElementById("compare-search-status")?.textContent ?? "") !== "", undefined, { timeout: 15_000 });
  expect(await page.locator("#compare-search-status").innerText()).toMatch(/找到 1 份/);
  const found = form.locator(`input[name="id"][value="${JISHOU}"]:not(:checked)`);
  expect(await found.count()).toBe(1);
  await found.check();
  await page.waitForURL((url) => url.searchParams.getAll("id").includes(JISHOU));
  await waitForTableIds(page, "compare", [...rest, JISHOU]);
});
