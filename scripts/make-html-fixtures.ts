/**
 * Regenerates test/fixtures/html: each seed text in data/reports (and each variant) as the web page a county
 * government publishes it on (test/helpers/html-page.ts), the Hunan seeds in GB2312 as many such sites still
 * serve them (glibc iconv), the others in UTF-8. Tests never need iconv. Usage: npm run fixtures:html
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { documentOfTikaText } from "../test/helpers/document-model.ts";
import { htmlPage } from "../test/helpers/html-page.ts";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "test/fixtures/html");
const SOURCES = [join(ROOT, "data/reports"), join(ROOT, "test/fixtures/variants")];

rmSync(OUT, { recursive: true, force: true });
let written = 0;
for (const root of SOURCES) {
  for (const year of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, year)).filter((f) => f.endsWith(".txt")).sort()) {
      const text = readFileSync(join(root, year, file), "utf8");
      const [county = "", dept = ""] = basename(file, ".txt").split("-");
      const title = text.split("\n").find((l) => l.trim() !== "")?.trim() ?? `${county}${dept}${year}年度部门整体支出绩效自评报告`;
      // Even years in GB2312, odd in UTF-8: both kinds of site are common.
      const charset = Number(year) % 2 === 0 ? "gb2312" : "utf-8";
      const html = htmlPage(documentOfTikaText(text, title), { title, site: `${county}人民政府`, publisher: `${county}${dept}`, date: `${Number(year) + 1}-05-20`, charset, attachment: `${county}${dept}${year}年度部门整体支出绩效自评报告.docx` });
      const target = join(OUT, year, `${basename(file, ".txt")}.html`);
      mkdirSync(join(OUT, year), { recursive: true });
      writeFileSync(target, charset === "utf-8" ? html : execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: html }));
      written += 1;
    }
  }
}
console.log(`fixtures:html: ${written} pages in ${OUT}`);
