/**
 * Every number links to its source: a.src → <base>reports/<id>/#L<n>, and that page opens scrolled to the
 * line, highlights it (CSS :target) and the line's text holds the number the link showed.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { numbersIn, roundsTo, type Shown } from "./numbers.ts";
import { derivedLines, reportKeys } from "./parquet.ts";
import { CHART_ROUTES } from "./routes.ts";
import { useBrowser } from "./site.ts";

const session = useBrowser();
// The overview's flag lists link their figures too; /quality/ is a chart route now.
const LINK_PAGES = ["", ...new Set([...Object.keys(CHART_ROUTES), "quality/"])];

interface SourceLink {
  href: string;
  text: string;
}

/** Whether the line shows the number a link showed, allowing for the link rounding it to fewer decimals. */
function lineHolds(line: string, shown: Shown): boolean {
  return numbersIn(line).some((n) => roundsTo(n.value, shown));
}

/** The page's source links; one whose text is just its line number ("304", "第304行") shows no value, so no text. */
async function sourceLinks(page: Page): Promise<SourceLink[]> {
  const links = await page.locator("a.src").evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: (a.textContent ?? "").trim() })));
  return links.map((l) => (l.text.replaceAll(/[第行L#\s]/g, "") === new URL(l.href).hash.slice(2) ? { ...l, text: "" } : l));
}

/** Checks the report page now shown: the hash's line is :target, highlighted, in view, and holds the number. */
async function expectSourceLine(page: Page, link: SourceLink): Promise<void> {
  const hash = new URL(link.href).hash;
  expect(new URL(page.url()).hash).toBe(hash);
  const line = page.locator(`ol.source-text > li${hash}`);
  expect(await line.count(), `ol.source-text li${hash}`).toBe(1);
  const state = await line.evaluate((li) => {
    const other = li.previousElementSibling ?? li.nextElementSibling;
    const look = (el: Element | null) => {
      if (!el) return "";
      const s = getComputedStyle(el);
      return [s.backgroundColor, s.outlineStyle, s.outlineColor, s.borderLeftColor, s.boxShadow].join("|");
    };
    const box = li.getBoundingClientRect();
    return {
      target: li.matches(":target"),
      highlighted: look(li) !== look(other),
      inView: box.bottom > 0 && box.top < window.innerHeight,
      text: li.textContent ?? "",
    };
  });
  expect(state.target, ":target").toBe(true);
  expect(state.highlighted, "target line styled differently from its neighbour").toBe(true);
  expect(state.inView, "target line scrolled into view").toBe(true);
  const shown = numbersIn(link.text);
  if (shown.length > 0) expect(lineHolds(state.text, shown[0]!), `line "${state.text.trim()}" holds ${link.text}`).toBe(true);
}

describe.each(LINK_PAGES)("/%s", (route) => {
  test("every a.src points to <base>reports/<known id>/#L<n>", async () => {
    const ids = new Set((await reportKeys(session.site.dist)).map((r) => r.report_id));
    const { page } = await session.open(route, { js: false });
    const links = await sourceLinks(page);
    expect(links.length, "source links on the page").toBeGreaterThan(0);
    const pattern = new RegExp(`^${session.url("reports/").replaceAll(/[.?]/g, "\\$&")}([\\w-]+)/#L(\\d+)$`);
    const bad = links.filter((l) => !ids.has(pattern.exec(l.href)?.[1] ?? ""));
    expect(bad).toEqual([]);
  });

  test("every source link showing a number points to a line holding that number", async () => {
    const { page } = await session.open(route, { js: false });
    // A derived figure (人员经费 summed from two printed items) links to the line of its parts; checks says so.
    const derived = await derivedLines(session.site.dist);
    const links = (await sourceLinks(page)).filter((l) => numbersIn(l.text).length > 0 && !derived.has(l.href.split("/reports/")[1]?.replace("/#", "#") ?? ""));
    const lines = new Map<string, Record<string, string>>();
    for (const report of new Set(links.map((l) => l.href.split("#")[0]!))) {
      await page.goto(report, { waitUntil: "load" });
      lines.set(report, await page.locator("ol.source-text > li[id]").evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.id, li.textContent ?? ""]))));
    }
    const wrong = links.flatMap((l) => {
      const [report, id] = l.href.split("#") as [string, string];
      const line = lines.get(report)?.[id] ?? "";
      return lineHolds(line, numbersIn(l.text)[0]!) ? [] : [`${l.text} → ${l.href.split("/reports/")[1]}: "${line.trim().slice(0, 80)}…"`];
    });
    expect(wrong).toEqual([]);
  });

  test("the first numeric source link opens the report at its line", async () => {
    const { page } = await session.open(route, { js: false });
    const link = (await sourceLinks(page)).find((l) => numbersIn(l.text).length > 0) ?? (await sourceLinks(page))[0];
    if (!link) throw new Error(`no a.src on /${route}`);
    await page.goto(link.href, { waitUntil: "load" });
    await expectSourceLine(page, link);
  });
});

test("clicking a source link with JavaScript on opens the report page scrolled to the highlighted line", async () => {
  const { page } = await session.open("spending/");
  const anchor = page.locator("a.src").filter({ hasText: /\d/ }).first();
  // Links in the table alternative sit in a closed <details>: open it as a reader would.
  if (!(await anchor.isVisible())) await anchor.locator("xpath=ancestor::details[1]/summary").click();
  const link = { href: await anchor.evaluate((a) => (a as HTMLAnchorElement).href), text: (await anchor.innerText()).trim() };
  await Promise.all([page.waitForURL(link.href), anchor.click()]);
  await page.waitForLoadState("load");
  await expectSourceLine(page, link);
});
