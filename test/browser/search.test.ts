/**
 * Search (issue 8 §5) on the bundled reports: the header box finds a unit by name fragment and by pinyin with
 * JavaScript on, loading its index only when used; with JavaScript off it is a form to /search/, which lists
 * every unit by county and by kind.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { servedTable, unitPages } from "./routes.ts";
import { useBrowser } from "./site.ts";

const session = useBrowser();
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

describe("JavaScript on", () => {
  test("the index loads only once the box is used; 临湘科 lists the unit, Enter opens its page", async () => {
    const { page, consoleErrors } = await session.open("");
    const indexRequests: string[] = [];
    page.on("request", (r) => void (r.url().includes("search-index.json") && indexRequests.push(r.url())));
    await page.waitForTimeout(0);
    expect(indexRequests, "no index request before the box is used").toEqual([]);
    const box = page.locator("#site-search");
    await box.focus();
    await box.pressSequentially("临湘科");
    const options = page.locator("#site-search-list [role=option]");
    await expect.poll(() => options.count()).toBe(1);
    expect(await options.first().locator(".search-name").innerText()).toBe("临湘市 科技和工业信息化局");
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    expect(indexRequests.length).toBe(1);
    await box.press("ArrowDown");
    expect(await box.getAttribute("aria-activedescendant")).toBe("site-search-opt-0");
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    expect(consoleErrors).toEqual([]);
    // The seeds' units have one document each: a unit's page is its report's.
    await Promise.all([page.waitForURL(/\/reports\/430682-2024-kjgyxxhj\/$/), box.press("Enter")]);
  });

  test.each([
    ["lxkj", ["临湘市 科技和工业信息化局"]],
    ["linxiang", ["临湘市", "临湘市 科技和工业信息化局"]],
    ["ljkj", ["临湘市 科技和工业信息化局"]],
    ["jishou", ["吉首市", "吉首市 科技和工业信息化局"]],
  ])("%s lists %j", async (query, expected) => {
    const { page } = await session.open("");
    const box = page.locator("#site-search");
    await box.focus();
    await box.pressSequentially(query);
    const names = page.locator("#site-search-list [role=option] .search-name");
    await expect.poll(() => names.allInnerTexts()).toEqual(expected);
  });

  test("mode pick dispatches search-pick with the unit instead of leaving the page, and clears the box", async () => {
    const { page, consoleErrors } = await session.open("");
    // The header box, switched to pick before its first use, stands in for a page that collects units (/compare/).
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>("form.search-box")!;
      form.dataset["searchMode"] = "pick";
      form.addEventListener("search-pick", (e) => ((window as unknown as { picked: unknown }).picked = (e as CustomEvent).detail));
    });
    const box = page.locator("#site-search");
    await box.focus();
    await box.pressSequentially("lxkj");
    await expect.poll(() => page.locator("#site-search-list [role=option]").count()).toBe(1);
    await box.press("Enter");
    expect(await page.evaluate(() => (window as unknown as { picked: unknown }).picked)).toEqual({
      type: "unit",
      id: "430682-kjgyxxhj",
      county_code: "430682",
      county_zh: "临湘市",
      department_zh: "科技和工业信息化局",
      label: "临湘市 科技和工业信息化局",
      // Its one report is its page (the seeds: one document per unit).
      href: new URL("reports/430682-2024-kjgyxxhj/", session.site.url).pathname,
    });
    expect(new URL(page.url()).pathname).toBe(new URL(session.site.url).pathname);
    expect(await box.inputValue()).toBe("");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    expect(consoleErrors).toEqual([]);
  });

  test("/search/ fills its box from ?q= and has no serious axe violations with the list open", async () => {
    const { page, consoleErrors } = await session.open("search/?q=yueyang");
    const names = page.locator("#page-search-list [role=option] .search-name");
    await expect.poll(() => names.allInnerTexts()).toEqual(["岳阳市", "岳阳市 科学技术局"]);
    await page.addScriptTag({ content: AXE_SOURCE });
    const severe = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; impact?: string | null }> }> } }).axe;
      return (await axe.run(document)).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    });
    expect(severe).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe("JavaScript off", () => {
  test("the header box is a form to /search/, which links every unit by county and by kind", async () => {
    const { page, failedRequests } = await session.open("", { js: false });
    await page.locator("#site-search").fill("临湘");
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator("form.search-box button").first().click()]);
    const units = [...unitPages(await servedTable(session.site.dist, "reports")).values()].map((route) => new URL(session.url(route)).pathname).sort();
    const hrefs = (section: string) => page.locator(`#${section} + dl dd a`).evaluateAll((as) => as.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)));
    expect((await hrefs("by-county")).sort()).toEqual(units);
    expect((await hrefs("by-kind")).sort()).toEqual(units);
    expect(await page.locator("#by-county + dl dt a").allInnerTexts()).toEqual(["岳阳市", "临湘市", "沅江市", "洪江市", "吉首市"]);
    expect(failedRequests).toEqual([]);
  });
});
