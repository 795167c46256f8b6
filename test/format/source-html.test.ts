/** The report page's source lines as one HTML string: anchors, page marks and Astro's escaping. */
import { expect, test } from "vitest";
import { escapeHtml, sourceLinesHtml } from "../../src/format/source-html.ts";

test("one li per line with its anchor, empty lines kept", () => {
  expect(sourceLinesHtml(["附件2", "", "\t一、基本概况"], null)).toBe('<li id="L1">附件2</li><li id="L2"></li><li id="L3">\t一、基本概况</li>');
  expect(sourceLinesHtml([], null)).toBe("");
});

test("text is escaped as Astro escapes an expression", () => {
  expect(escapeHtml(`a<b>&'"c`)).toBe("a&lt;b&gt;&amp;&#39;&quot;c");
  expect(sourceLinesHtml(["<script>x</script>"], null)).toBe('<li id="L1">&lt;script&gt;x&lt;/script&gt;</li>');
});

test("a page mark on the first line and wherever the page changes", () => {
  expect(sourceLinesHtml(["a", "b", "c", "d"], [1, 1, 2, 2])).toBe('<li id="L1" data-page-start="1">a</li><li id="L2">b</li><li id="L3" data-page-start="2">c</li><li id="L4">d</li>');
});
