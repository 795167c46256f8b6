/**
 * A document (document-model.ts) as a county government's web page prints it: navigation, breadcrumb, the title,
 * a publishing line (发布时间 / 来源 / 浏览次数 / 字体 / 打印), the article with its tables (colspan, rowspan), an
 * attachment link and the site's footer. For the HTML reader's fixtures (scripts/make-html-fixtures.ts).
 */
import type { Block, Cell, Paragraph, WordDocument } from "./document-model.ts";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const textOf = (p: Paragraph) => p.spans.map((s) => ("text" in s ? s.text : "")).join("");

function blockHtml(block: Block): string {
  if (block.kind === "paragraph") {
    const text = textOf(block);
    return text === "" ? "<p>&nbsp;</p>" : `<p style="text-indent:2em">${escape(text)}</p>`;
  }
  const rows = block.rows.map((row) => `<tr>${row.cells.map(cellHtml).join("")}</tr>`).join("\n");
  return `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function cellHtml(cell: Cell): string {
  const span = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ""}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}`;
  const inner = cell.blocks.map((b) => (b.kind === "paragraph" ? `<p>${escape(textOf(b))}</p>` : blockHtml(b))).join("");
  return `<td${span} valign="middle">${inner}</td>`;
}

const WIDE_COLUMNS = 8;

/**
 * The same document as a page made for printing (what a browser's or WPS's print of the report gives): the report
 * alone in the body, Noto Sans CJK, tables ruled; a table of eight or more columns (a 自评表) on landscape pages
 * between the portrait ones, as offices lay out wide forms; the running header and footer come from the printer.
 */
export function printablePage(doc: WordDocument, title: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; font-size: 10.5pt; line-height: 1.6; }
p { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 9pt; }
td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: middle; }
@page wide { size: A4 landscape; }
.wide { page: wide; }
</style>
</head>
<body>
${doc.blocks.map((b) => (b.kind === "table" && b.columns >= WIDE_COLUMNS ? `<div class="wide">${blockHtml(b)}</div>` : blockHtml(b))).join("\n")}
</body>
</html>
`;
}

export interface PageOptions {
  title: string;
  site: string;
  publisher: string;
  date: string;
  charset: "utf-8" | "gb2312";
  attachment: string;
}

export function htmlPage(doc: WordDocument, o: PageOptions): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${o.charset}">
<title>${escape(o.title)}_${escape(o.site)}</title>
<link rel="stylesheet" href="/css/main.css">
<script type="text/javascript">var siteId = "42"; document.write("<span>统计代码</span>");</script>
<style>.nav li{float:left}</style>
</head>
<body>
<div class="top"><div class="w1200"><span>无障碍浏览</span> | <a href="/elder/">长者模式</a> | <a href="/en/">English</a></div></div>
<div class="header"><img src="/images/logo.png" alt="${escape(o.site)}"><div class="search"><input type="text" value="请输入关键字"><button>搜索</button></div></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进本地</a></li></ul>
<div class="position">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czzj/">财政资金</a> &gt; 绩效评价</div>
<div class="main">
<div class="article">
<h1 class="title">${escape(o.title)}</h1>
<div class="info">发布时间：${o.date}　来源：${escape(o.publisher)}　浏览次数：<span id="hits">128</span>　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】　<a href="javascript:window.print()">【打印】</a></div>
<div class="content" id="zoom">
${doc.blocks.map(blockHtml).join("\n")}
</div>
<div class="attachment">附件：<a href="/uploadfiles/${o.date.slice(0, 4)}/${escape(o.attachment)}">${escape(o.attachment)}</a></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a/1.html">关于开展2024年度预算绩效自评工作的通知</a></li><li><a href="/a/2.html">2024年度部门预算公开</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：${escape(o.site)}办公室　承办：信息中心　地址：人民路1号　电话：0730-1234567</p><p>网站标识码：4306820001　湘ICP备00000000号　湘公网安备43068202000001号</p></div>
</body>
</html>
`;
}
