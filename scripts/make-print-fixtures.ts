/**
 * Regenerates test/fixtures/print: each seed and variant text as a page made for printing
 * (test/helpers/html-page.ts), printed to PDF by Debian's chromium the way a browser's "Save as PDF" does, with a
 * running header (the report's title and the date) and a footer "第 N 页 共 M 页". Needs chromium and
 * fonts-noto-cjk (apt-get install chromium fonts-noto-cjk); tests never do. Usage: npm run fixtures:print
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { documentOfTikaText } from "../test/helpers/document-model.ts";
import { printablePage } from "../test/helpers/html-page.ts";
import { launchChromium } from "../test/browser/chromium.ts";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "test/fixtures/print");
const SOURCES = ["data/reports", "test/fixtures/variants", "test/fixtures/kinds"].map((d) => join(ROOT, d));
const HEADER = `<div style="font-size:8px;width:100%;padding:0 18mm;display:flex;justify-content:space-between;font-family:'Noto Sans CJK SC'"><span class="title"></span><span>2025/6/9 10:12</span></div>`;
const FOOTER = `<div style="font-size:8px;width:100%;text-align:center;font-family:'Noto Sans CJK SC'">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`;

rmSync(OUT, { recursive: true, force: true });
const browser = await launchChromium();
const page = await browser.newPage();
let written = 0;
for (const root of SOURCES) {
  for (const year of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, year)).filter((f) => f.endsWith(".txt")).sort()) {
      const text = readFileSync(join(root, year, file), "utf8");
      const title = text.split("\n").find((l) => l.trim() !== "")?.trim() ?? basename(file, ".txt");
      await page.setContent(printablePage(documentOfTikaText(text, title), title), { waitUntil: "load" });
      const pdf = await page.pdf({ format: "A4", displayHeaderFooter: true, headerTemplate: HEADER, footerTemplate: FOOTER, printBackground: false, preferCSSPageSize: true });
      mkdirSync(join(OUT, year), { recursive: true });
      writeFileSync(join(OUT, year, `${basename(file, ".txt")}.pdf`), pdf);
      written += 1;
    }
  }
}
await browser.close();
console.log(`fixtures:print: ${written} PDFs in ${OUT}`);
