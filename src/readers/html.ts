/**
 * .html/.htm/.shtml reader: a report published as a web page, as a browser saves it. The charset is the page's
 * (BOM, <meta charset>, <meta http-equiv>; GB2312 and GBK read as GB18030, their superset), else the text
 * reader's guess. Only the article is read: scripts, navigation, header and footer go, the element that holds most
 * of the page's own (non-link) Chinese text is the article, and page furniture inside it (breadcrumb, 发布时间 / 来源
 * / 浏览 / 字体 / 打印 / 分享 lines, 索引号 / 发布机构 boxes) is dropped. Tables become the Tika layout
 * (types.ts): a cell per tab-started line, an empty line after each row; a cell spanning rows leaves an empty cell
 * in the rows below, as Word's merged cells do, so later cells keep their column. Parsed with htmlparser2 into
 * domhandler's nodes (a quarter of linkedom's parse time on these pages, measured).
 */
import type { AnyNode, Element } from "domhandler";
import { decodeHTML } from "entities";
import { parseDocument } from "htmlparser2";
import { ParseError } from "../extract/errors.ts";
import { foldText } from "./fold-text.ts";
import { damagedLinesOf, decodeText } from "./text.ts";
import type { Attachment, DocumentText } from "./types.ts";

const DROP = new Set(["script", "style", "noscript", "iframe", "nav", "header", "footer", "aside", "form", "select", "button", "template", "svg", "object", "head"]);
// Containers that are a page's furniture by their class or id.
const FURNITURE_BOX = /(?:^|[\s_-])(?:nav|menu|footer|foot|header|head|top|bottom|breadcrumb|crumbs?|position|location|share|sidebar|side|copyright|links?|related|print|close|toolbar|search)(?:$|[\s_-])/i;
const BLOCK = new Set(["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "tr", "body", "html", "hr"]);
// A line of page furniture inside the article.
const FURNITURE_LINE =
  /^(?:您现在的位置|您的位置|当前位置|首页\s*[>»›]|【?\s*(?:发布时间|发布日期|来源|信息来源|作者|浏览|阅读|访问|点击|字体|字号|打印|关闭|分享|收藏)|(?:索引号|发布机构|主题分类|文号|发文字号|成文日期|生成日期|有效性|公开方式|公开范围|公开时限|发布日期|主题词)\s*[:：]|上一篇|下一篇|扫一扫|分享到|\[?\s*(?:打印本页|关闭窗口)|相关链接)/;
const LINK = /<a\b[^>]*?\shref\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi;
const ATTACHMENT = /\.(?:docx?|pdf|xlsx?|wps|et|ofd|zip|rar)(?:[?#]|$)/i;

/** The charset a page declares in its first bytes, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (!m?.[1]) return null;
  const name = m[1].toLowerCase();
  return /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(name) ? "gb18030" : name;
}

function decode(bytes: Uint8Array): { html: string; encoding: string } {
  const declared = declaredCharset(bytes);
  if (declared) {
    try {
      return { html: new TextDecoder(declared).decode(bytes), encoding: declared };
    } catch {
      // An unknown label: guess as for a text.
    }
  }
  const guessed = decodeText(bytes);
  return { html: guessed.text, encoding: guessed.encoding };
}

interface Counted {
  el: Element;
  /** Han characters outside links, and inside. */
  own: number;
  children: Counted[];
}

const hanIn = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) n += 1;
  }
  return n;
};

const isElement = (node: AnyNode): node is Element => node.type === "tag" || node.type === "script" || node.type === "style";

/** The text of a node and all below it. */
function textOf(node: AnyNode): string {
  if (node.type === "text") return node.data;
  if (!isElement(node)) return "";
  let out = "";
  for (const child of node.children) out += textOf(child);
  return out;
}

/** Every element's Han characters outside links, counted once bottom-up. */
function count(el: Element): Counted {
  let own = 0;
  const children: Counted[] = [];
  for (const node of el.children) {
    if (node.type === "text") own += hanIn(node.data);
    else if (isElement(node)) {
      if (node.name === "a") continue;
      const c = count(node);
      children.push(c);
      own += c.own;
    }
  }
  return { el, own, children };
}

/** The article: from the body down, into the child that holds most of its text while it holds most of the page's. */
function articleOf(body: Element): Element {
  let at = count(body);
  const total = at.own;
  for (;;) {
    const best = at.children.reduce<Counted | null>((a, b) => (a === null || b.own > a.own ? b : a), null);
    if (!best || best.own < total * 0.6) return at.el;
    at = best;
  }
}

const squashSpaces = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, " ");

/** A table's own rows (in <thead>, <tbody>, <tfoot> or directly), not those of a table inside one of its cells. */
function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === "tr") out.push(child);
    else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") out.push(...child.children.filter((r): r is Element => isElement(r) && r.name === "tr"));
  }
  return out;
}

/** Elements below `root` in document order. */
function* elementsOf(root: Element): Generator<Element> {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    yield child;
    yield* elementsOf(child);
  }
}

const first = (root: Element, name: string): Element | null => {
  for (const el of elementsOf(root)) if (el.name === name) return el;
  return null;
};

/** Text and tables → lines in the Tika layout. */
class Layout {
  lines: string[] = [];
  private line = "";

  text(s: string) {
    this.line += squashSpaces(s);
  }
  flush() {
    const t = this.line.trim();
    if (t !== "") this.lines.push(t);
    this.line = "";
  }

  walk(node: AnyNode) {
    if (node.type === "text") return this.text(node.data);
    if (!isElement(node)) return;
    const el = node;
    const tag = el.name;
    if (DROP.has(tag)) return;
    if (tag === "br") return this.flush();
    if (tag === "table") {
      this.flush();
      return this.table(el);
    }
    const block = BLOCK.has(tag);
    if (block) this.flush();
    const before = this.lines.length;
    for (const child of el.children) this.walk(child);
    // An empty paragraph (<p>&nbsp;</p>) is an empty line, as Word's empty paragraph is in Tika's text.
    if (tag === "p" && this.lines.length === before && this.line.trim() === "") this.lines.push("");
    if (block) this.flush();
  }

  /** One cell: its paragraphs, the first on a tab-started line. */
  private cell(td: Element): string[] {
    const inner = new Layout();
    for (const child of td.children) inner.walk(child);
    inner.flush();
    // Empty paragraphs between a cell's paragraphs stay, as Tika prints them; none before or after.
    const lines = inner.lines;
    const first = lines.findIndex((l) => l !== "");
    if (first < 0) return ["\t"];
    let last = lines.length - 1;
    while (lines[last] === "") last -= 1;
    return [`\t${lines[first]}`, ...lines.slice(first + 1, last + 1)];
  }

  private table(table: Element) {
    // A box of the page's metadata (索引号 | … | 发布机构 | …) is furniture, not a table of the report.
    const firstCell = rowsOf(table)[0]?.children.find((c): c is Element => isElement(c) && (c.name === "td" || c.name === "th"));
    if (firstCell && FURNITURE_LINE.test(squashSpaces(textOf(firstCell)).trim())) return;
    // Cells spanning rows, by column: how many rows below still need an empty cell there.
    const spans: number[] = [];
    for (const tr of rowsOf(table)) {
      const out: string[] = [];
      let col = 0;
      const skipSpanned = () => {
        while ((spans[col] ?? 0) > 0) {
          spans[col]! -= 1;
          out.push("\t");
          col += 1;
        }
      };
      for (const td of tr.children.filter((c): c is Element => isElement(c) && (c.name === "td" || c.name === "th"))) {
        skipSpanned();
        out.push(...this.cell(td));
        const rowspan = Number(td.attribs.rowspan ?? "1") || 1;
        const colspan = Math.max(1, Number(td.attribs.colspan ?? "1") || 1);
        if (rowspan > 1) for (let k = 0; k < colspan; k++) spans[col + k] = rowspan - 1;
        col += colspan;
      }
      skipSpanned();
      if (out.length === 0) continue;
      this.lines.push(...out, "");
    }
    this.lines.push("");
  }
}

export function readHtml(bytes: Uint8Array, sourceFile: string): DocumentText {
  const decoded = decode(bytes);
  // Attachments as the page links them (an address is never folded).
  const attachments: Attachment[] = [];
  for (const m of decoded.html.matchAll(LINK)) {
    const href = decodeHTML(m[1] ?? "");
    if (ATTACHMENT.test(href)) attachments.push({ href, text: squashSpaces(decodeHTML((m[2] ?? "").replace(/<[^>]*>/g, ""))).trim() });
  }
  // Folded before the furniture is told by its words, which a traditional page prints in traditional characters.
  const { text: html, ...folded } = foldText(decoded.html);
  const encoding = decoded.encoding;
  if (!/<(?:html|body|p|div|table)\b/i.test(html)) throw new ParseError(sourceFile, null, "an HTML page", "no HTML elements (html, body, p, div or table)");
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const root = { type: "tag", name: "root", attribs: {}, children: document.children } as unknown as Element;
  const all = [...elementsOf(root)];
  const title = squashSpaces(textOf(first(root, "h1") ?? first(root, "title") ?? root)).trim();
  const body = first(root, "body") ?? root;
  // Scripts, navigation and the site's boxes go; a box with much text is kept whatever its name (class="main-top").
  const remove = (el: Element) => {
    const siblings = el.parent?.children;
    if (siblings) siblings.splice(siblings.indexOf(el), 1);
  };
  for (const el of all) {
    const box = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
    if (DROP.has(el.name) || (el.name !== "body" && FURNITURE_BOX.test(box) && hanIn(textOf(el)) < 400)) remove(el);
  }
  const article = articleOf(body);
  const layout = new Layout();
  layout.walk(article);
  layout.flush();
  // The page's heading, where the article does not print it: the <h1>, else the <title> without the site's name.
  const heading = (first(root, "h1") ? title : (title.split(/[_|｜]| - /)[0] ?? "")).trim();
  const lines = layout.lines.filter((l) => l.startsWith("\t") || l === "" || !FURNITURE_LINE.test(l));
  if (heading !== "" && !lines.slice(0, 5).some((l) => l.includes(heading))) lines.unshift(heading);
  const text = `${lines.join("\n")}\n`;
  if (hanIn(text) === 0) throw new ParseError(sourceFile, null, "a web page with a report's text", "a page without any Chinese text");
  return { format: "html", text, pages: null, encoding, damagedLines: damagedLinesOf(text), attachments, folded };
}
