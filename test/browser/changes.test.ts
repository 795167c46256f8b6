/**
 * Data releases: every page's footer names the release it shows, and /data/changes/ shows and downloads what
 * changed since the previous release. The fixture site is built against a previous release made by
 * PREVIOUS_RELEASE (build-site.ts): a seed report only it held, a report only the corpus holds, one figure edited.
 * The seeds' site is built without one and says so.
 */
import { readFile } from "node:fs/promises";
import readXlsxFile from "read-excel-file/node";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Manifest } from "../../src/publish/manifest.ts";
import { PREVIOUS_RELEASE } from "./build-site.ts";
import { parseCsv } from "./csv.ts";
import { numbersIn } from "./numbers.ts";
import { servedTable } from "./routes.ts";
import { useBrowser } from "./site.ts";

const manifestOf = async (dist: string) => JSON.parse(await readFile(join(dist, "data", "manifest.json"), "utf8")) as Manifest;

describe("a site built against a previous release", () => {
  const session = useBrowser("fixtureSite");

  test("/data/changes/ lists the report removed, the report added and the edited figure, each report line linked", async () => {
    const reports = await servedTable(session.site.dist, "reports");
    const added = reports.find((r) => r["source_file"] === PREVIOUS_RELEASE.onlyNow)!;
    const edited = reports.find((r) => r["source_file"] === PREVIOUS_RELEASE.edited.file)!;
    const manifest = await manifestOf(session.site.dist);
    expect(manifest.changes?.counts).toEqual({ report_added: 1, report_removed: 1, value_changed: 1, value_added: 0, value_removed: 0 });

    const { page } = await session.open("data/changes/", { js: false });
    expect(await page.locator("#change-summary").innerText()).toBe(
      `上一版本 ${manifest.changes!.previous_release_id}。新增报告 1 份，移除 1 份；数字变更 1 处，新增 0 处，删除 0 处。`,
    );
    const rows = await page.locator("#changes tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())));
    const byKind = (kind: string) => rows.find((cells) => cells[0] === kind)!;
    expect(rows).toHaveLength(3);
    expect(byKind("新增报告").slice(1, 3)).toEqual([`${added["department_zh"]}（2024年）`, "整份报告"]);
    expect(byKind("移除报告").slice(1, 3)).toEqual(["临湘市科技和工业信息化局（2024年）", "整份报告"]);
    expect(byKind("移除报告")[5]).toBe(`旧版 ${PREVIOUS_RELEASE.onlyBefore.file}`);
    expect(byKind("数值变更")).toEqual([
      "数值变更",
      `${edited["department_zh"]}（2024年）`,
      "收入合计（决算/执行，2024年）",
      "1,031.84",
      "1,013.84",
      `新版第 60 行；旧版 ${PREVIOUS_RELEASE.edited.file}:60`,
    ]);

    // The new line's link opens the report at the line holding the new figure.
    const link = page.locator('#changes tr[data-change="value_changed"] a', { hasText: "新版第 60 行" });
    await page.goto(new URL((await link.getAttribute("href"))!, page.url()).href);
    const line = await page.locator("ol.source-text > li:target").innerText();
    expect(numbersIn(line).map((n) => n.value)).toContain(1013.84);
  });

  test("its CSV download opens as Excel needs it and holds the page's rows with both source lines", async () => {
    const { page } = await session.open("data/changes/", { js: false });
    const href = await page.locator("a[download]", { hasText: "changes.csv" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.ok()).toBe(true);
    const csv = parseCsv(await response.body());
    expect(csv.bom).toBe(true);
    const changed = csv.rows.find((r) => r["change"] === "value_changed")!;
    expect(changed).toMatchObject({ table: "facts", item: "income_total actual 2024", field: "value", old_value: "1031.84", new_value: "1013.84", old_source_line: "60", new_source_line: "60" });
    expect(csv.rows.map((r) => r["change"]).sort()).toEqual(["report_added", "report_removed", "value_changed"]);
  });

  test("its XLSX download opens, with the CSV's rows and numbers as numbers", async () => {
    const { page } = await session.open("data/changes/", { js: false });
    const href = await page.locator("a[download]", { hasText: "changes.xlsx" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.ok()).toBe(true);
    const [sheet] = await readXlsxFile(await response.body());
    const [, keys, ...rows] = sheet!.data;
    const changed = rows.find((r) => r[0] === "value_changed")!;
    const at = (k: string) => changed[keys!.indexOf(k)];
    expect([at("item"), at("old_value"), at("new_value"), at("old_source_line"), at("new_source_line")]).toEqual(["income_total actual 2024", 1031.84, 1013.84, 60, 60]);
    expect(rows).toHaveLength(3);
  });

  test("every page's footer names the release, linked to its change log", async () => {
    const { release_id } = await manifestOf(session.site.dist);
    for (const route of ["", "data/", "search/"]) {
      const { page } = await session.open(route, { js: false });
      const footer = page.locator("footer a.release-id");
      expect(await footer.innerText(), route).toBe(release_id);
      expect(new URL((await footer.getAttribute("href"))!, page.url()).pathname).toBe(new URL(session.url("data/changes/")).pathname);
    }
  });
});

describe("a site built without a previous release", () => {
  const session = useBrowser("site");

  test("/data/changes/ names this release and says there is no change log to show", async () => {
    const { release_id } = await manifestOf(session.site.dist);
    const { page } = await session.open("data/changes/", { js: false });
    expect(await page.locator("#release-id").innerText()).toBe(release_id);
    expect(await page.locator("#no-previous").count()).toBe(1);
    expect(await page.locator("#changes").count()).toBe(0);
  });
});
