/**
 * /compare/ picks its units through search (issue 8 §4): the page lists only its default pick, each with a remove
 * button; typing a name fragment or pinyin in the pick box and choosing a unit adds its newest report to the
 * chart and the URL; a sixth is refused; a shared link shows its own pick. With JS off: the default pick and a
 * link to /search/.
 */
import { expect, test } from "vitest";
import { waitForTableIds } from "./chart-page.ts";
import { expectDuckdbReady, useBrowser } from "./site.ts";

const session = useBrowser();
const JISHOU = "433101-2022-kjgyxxhj";

const pickedIds = (page: import("playwright-core").Page) =>
  page.locator('ul.picked input[name="id"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

test("remove a unit, find it again by pinyin or name fragment, choose it: chart and URL follow", async () => {
  const { page, consoleErrors } = await session.open("compare/");
  await expectDuckdbReady(page);
  const defaults = await pickedIds(page);
  expect(defaults.length).toBeGreaterThanOrEqual(2);
  expect(defaults.length).toBeLessThanOrEqual(5);
  expect(defaults).toContain(JISHOU);

  await page.getByRole("button", { name: /^移除 吉首市/ }).click();
  const rest = defaults.filter((id) => id !== JISHOU);
  await page.waitForURL((url) => !url.searchParams.getAll("id").includes(JISHOU) && url.searchParams.getAll("id").length === rest.length);
  await waitForTableIds(page, "compare", rest);
  expect(await pickedIds(page)).toEqual(rest);

  for (const query of ["jishou", "吉首科"]) {
    const box = page.locator("#compare-pick");
    await box.fill("");
    await box.pressSequentially(query);
    const options = page.locator("#compare-pick-list [role=option] .search-name");
    // types="unit": the county 吉首市 itself is not offered.
    await expect.poll(() => options.allInnerTexts()).toEqual(["吉首市 科技和工业信息化局"]);
  }
  await page.locator("#compare-pick-list [role=option]").first().dispatchEvent("mousedown");
  await page.waitForURL((url) => url.searchParams.getAll("id").includes(JISHOU));
  await waitForTableIds(page, "compare", [...rest, JISHOU]);
  expect(await pickedIds(page)).toEqual([...rest, JISHOU]);
  expect(await page.locator(".pick-status").innerText()).toMatch(/已加入 吉首市 · 科技和工业信息化局 · 2022年/);
  expect(await page.locator("#compare-pick").inputValue()).toBe("");
  expect(consoleErrors).toEqual([]);
});

test("a unit already compared, or a sixth, is not added; a shared link shows its own pick", async () => {
  const { page } = await session.open("compare/");
  await expectDuckdbReady(page);
  const defaults = await pickedIds(page);
  const box = page.locator("#compare-pick");
  await box.focus();
  await box.pressSequentially("lxkj");
  await expect.poll(() => page.locator("#compare-pick-list [role=option]").count()).toBe(1);
  await box.press("Enter");
  await expect.poll(() => page.locator(".pick-status").innerText()).toMatch(defaults.length >= 5 ? /最多对比 5 个单位/ : /已在对比中/);
  expect(await pickedIds(page)).toEqual(defaults);

  const two = defaults.slice(0, 2);
  const { page: shared } = await session.open(`compare/?${two.map((id) => `id=${id}`).join("&")}`);
  await waitForTableIds(shared, "compare", two);
  await expect.poll(() => pickedIds(shared)).toEqual(two);
});

test("JavaScript off: the default pick is drawn, without remove buttons, and the pick box is a form to /search/", async () => {
  const { page, failedRequests } = await session.open("compare/", { js: false });
  expect((await pickedIds(page)).length).toBeGreaterThanOrEqual(2);
  expect(await page.locator("button.pick-remove").first().isVisible()).toBe(false);
  expect(await page.locator('a[href$="/search/"]').count()).toBeGreaterThan(0);
  await page.locator("#compare-pick").fill("吉首");
  await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator("form.search-box[data-search-mode=pick] button").click()]);
  expect(failedRequests).toEqual([]);
});
