/** The report page's source lines as one HTML string: anchors, page marks and Astro's escaping. */
import { expect, test } from "vitest";
import { parseHTML } from "linkedom";
import { escapeHtml, sourceLinesHtml } from "../../src/format/source-html.ts";

test("one li per line with its anchor, empty lines kept", () => {
  expect(sourceLinesHtml(["附件2", "", "\t一、基本概况"], null)).toBe('<li id=L1>附件2<li id=L2><li id=L3>\t一、基本概况');
  expect(sourceLinesHtml([], null)).toBe("");
});

test("text is escaped as Astro escapes an expression", () => {
  expect(escapeHtml(`a<b>&'"c`)).toBe("a&lt;b&gt;&amp;&#39;&quot;c");
  expect(sourceLinesHtml(["<script>x</script>"], null)).toBe('<li id=L1>&lt;script&gt;x&lt;/script&gt;');
});

test("a page mark on the first line and wherever the page changes", () => {
  expect(sourceLinesHtml(["a", "b", "c", "d"], [1, 1, 2, 2])).toBe('<li id=L1 data-page-start=1>a<li id=L2>b<li id=L3 data-page-start=2>c<li id=L4>d');
});

test("parses to the same list as the full markup (<li id=\"L1\">…</li>), text and anchors alike", () => {
  const lines = ["附件2", "", "a & b <c>", "'引号' \"双\"", "末行"];
  const pages = [1, 1, 2, 2, 3];
  const full = lines.map((t, i) => `<li id="L${i + 1}"${i === 0 || pages[i] !== pages[i - 1] ? ` data-page-start="${pages[i]}"` : ""}>${escapeHtml(t)}</li>`).join("");
  const parse = (items: string) => parseHTML(`<!doctype html><html><body><ol class="source-text">${items}</ol><p>after</p></body></html>`).document.body.innerHTML;
  expect(parse(sourceLinesHtml(lines, pages))).toBe(parse(full));
  expect(parseHTML(`<ol>${sourceLinesHtml(lines, null)}</ol>`).document.querySelectorAll("li")[2]?.textContent).toBe("a & b <c>");
});
