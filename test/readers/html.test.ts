/**
 * Reports as web pages: every seed and variant as a county government's page (test/fixtures/html, made by
 * npm run fixtures:html; GB2312 and UTF-8) reads into the seed's rows, and a page written by hand shows what the
 * reader keeps and drops (test/fixtures/html-pages).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/readers/index.ts";
import { extractText, sourceLineMisses, tablesView } from "../helpers/same-tables.ts";
import { REPORTS_DIR } from "../helpers/seeds.ts";

const HTML = join(import.meta.dirname, "../fixtures/html");
const VARIANTS = join(import.meta.dirname, "../fixtures/variants");
const PAGES = readdirSync(HTML).flatMap((year) => readdirSync(join(HTML, year)).map((f) => `${year}/${f}`));
const textOf = (page: string) => {
  const relative = page.replace(/\.html$/, ".txt");
  const dir = readdirSync(join(REPORTS_DIR, page.split("/")[0]!)).includes(relative.split("/")[1]!) ? REPORTS_DIR : VARIANTS;
  return { relative, text: readFileSync(join(dir, relative), "utf8") };
};

describe.each(PAGES)("%s as a web page", async (page) => {
  const document = await readDocument(readFileSync(join(HTML, page)), page);
  const { relative, text } = textOf(page);
  const fromPage = extractText(document.text, relative);
  const fromTxt = extractText(text, relative);

  it("gives the same rows as the text", () => {
    expect(tablesView(fromPage)).toEqual(tablesView(fromTxt));
    expect(fromPage.facts.length + fromPage.indicators.length).toBeGreaterThan(0);
  });
  it("cites lines that print each value", () => {
    expect(sourceLineMisses(fromPage, document.text)).toEqual([]);
  });
  it("reads the page's charset and drops the site around the article", () => {
    expect(document.format).toBe("html");
    expect(document.encoding).toBe(Number(page.slice(0, 4)) % 2 === 0 ? "gb18030" : "utf-8");
    expect(document.text).not.toMatch(/您现在的位置|发布时间|浏览次数|主办单位|相关文章|分享到|长者模式|统计代码|网站标识码/);
    expect(document.attachments?.map((a) => a.href)).toEqual([expect.stringMatching(/^\/uploadfiles\/\d{4}\/.+\.docx$/)]);
  });
});

describe("a page written by hand", async () => {
  const file = join(import.meta.dirname, "../fixtures/html-pages/traditional-rowspan.html");
  const document = await readDocument(readFileSync(file), "2023/南县-财政局.html");
  const lines = document.text.split("\n");

  it("puts the title first, drops the breadcrumb, publishing line, 索引号 box and print links, and folds the text to simplified", () => {
    expect(lines[0]).toBe("南县财政局2023年度部门整体支出绩效自评报告");
    expect(document.text).not.toMatch(/位置|发布时间|浏览|打印|关闭窗口|主办|首页|索引号|发布机构/);
    expect(document.folded).toMatchObject({ pinyin: 1 });
    expect(document.folded!.traditional).toBeGreaterThan(50);
    expect(document.text).toContain("内部管理进一步加强");
  });

  it("lays a rowspan out as an empty cell in the row below, so the cells keep their columns", () => {
    const table = document.text.slice(document.text.indexOf("\t机构名称"), document.text.indexOf("三、自评结论"));
    expect(table).toBe("\t机构名称\n\t三公经费\n\t其中：\n\n\t\n\t\n\t公务接待费\n\t公务用车运行维护费\n\t因公出国（境）费用\n\n\t局机关\n\t8.3\n\t3.2\n\t5.1\n\t0\n\n\n");
  });

  it("publishes the page's figures, and lists its attachment", () => {
    const r = extractText(document.text, "2023/南县-财政局.html");
    expect(r.report).toMatchObject({ department_zh: "南县财政局", county_code: "430921", fiscal_year: 2023, self_score: 96, grade: "优" });
    const facts = Object.fromEntries(r.facts.map((f) => [f.metric, f.value]));
    expect(facts).toMatchObject({ income_total: 1200.5, spend_total: 1180.2, spend_basic: 900.2, spend_project: 280, sangong_total: 8.3, sangong_reception: 3.2, sangong_vehicle_operation: 5.1, sangong_abroad: 0 });
    expect(document.attachments).toEqual([{ href: "/files/2024/南縣財政局自評表.xls", text: "附件：自評表" }]);
  });
});
