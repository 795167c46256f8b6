/**
 * Document model → Flat ODT (one XML file) that LibreOffice converts to .docx, .pdf and .doc. Flat ODT, not
 * HTML, because it states what the fixtures need: A4 pages, ruled table cells, merged cells, repeated header
 * rows, a running header and a page-number footer, text boxes.
 */
import { gridOf, type Block, type Cell, type ListStyle, type Paragraph, type Span, type Table, type WordDocument } from "./document-model.ts";

export const FIXTURE_FONT = "Noto Sans CJK SC";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Text → ODF inline XML; spaces and tabs as ODF elements so none is collapsed or dropped. */
export function odfText(s: string): string {
  return s
    .split(/( +|\t)/)
    .map((part) => {
      if (part === "\t") return "<text:tab/>";
      if (/^ +$/.test(part)) return part.length === 1 ? "<text:s/>" : `<text:s text:c="${part.length}"/>`;
      return escapeXml(part);
    })
    .join("");
}

interface Counter {
  frames: number;
}

function spanXml(span: Span, counter: Counter): string {
  if ("text" in span) return odfText(span.text);
  // A start/end pair: LibreOffice exports a point bookmark (text:bookmark) to .docx as two bookmarkStarts.
  if ("bookmark" in span) {
    const name = escapeXml(span.bookmark);
    return `<text:bookmark-start text:name="${name}"/><text:bookmark-end text:name="${name}"/>`;
  }
  counter.frames += 1;
  if ("picture" in span) {
    const { png, widthCm, heightCm } = span.picture;
    return (
      `<draw:frame draw:style-name="PictureFrame" draw:name="Picture ${counter.frames}" text:anchor-type="as-char" ` +
      `svg:width="${widthCm}cm" svg:height="${heightCm}cm" draw:z-index="${counter.frames}"><draw:image>` +
      `<office:binary-data>${Buffer.from(png).toString("base64")}</office:binary-data></draw:image></draw:frame>`
    );
  }
  const inner = span.textBox.map((p) => paragraphXml(p, counter, "BoxText")).join("");
  return (
    `<draw:frame draw:style-name="TextBoxFrame" draw:name="Text Box ${counter.frames}" text:anchor-type="as-char" ` +
    `svg:width="8cm" draw:z-index="${counter.frames}"><draw:text-box fo:min-height="1cm">${inner}</draw:text-box></draw:frame>`
  );
}

function paragraphXml(p: Paragraph, counter: Counter, style = "Body"): string {
  if (p.pageBreakBefore === true) style = `${style}PageBreak`;
  return `<text:p text:style-name="${style}">${p.spans.map((s) => spanXml(s, counter)).join("")}</text:p>`;
}

function cellXml(c: Cell, counter: Counter): string {
  const spans =
    (c.colSpan > 1 ? ` table:number-columns-spanned="${c.colSpan}"` : "") +
    (c.rowSpan > 1 ? ` table:number-rows-spanned="${c.rowSpan}"` : "");
  const blocks = c.blocks.length === 0 ? [{ kind: "paragraph", spans: [] } as Paragraph] : c.blocks;
  const inner = blocks.map((b) => (b.kind === "paragraph" ? paragraphXml(b, counter, "CellText") : tableXml(b, counter))).join("");
  return `<table:table-cell table:style-name="Ruled" office:value-type="string"${spans}>${inner}</table:table-cell>`;
}

/** Table → XML; grid positions taken by a merge from the left or from above hold covered cells. */
function tableXml(t: Table, counter: Counter): string {
  const rowXml = gridOf(t).map(
    (slots) => `<table:table-row>${slots.map((s) => (s.kind === "start" ? cellXml(s.cell, counter) : "<table:covered-table-cell/>")).join("")}</table:table-row>`,
  );
  const head = rowXml.slice(0, t.headerRows).join("");
  const body = rowXml.slice(t.headerRows).join("");
  return (
    `<table:table table:style-name="FullWidth"><table:table-column table:number-columns-repeated="${t.columns}"/>` +
    (head ? `<table:table-header-rows>${head}</table:table-header-rows>` : "") +
    `${body}</table:table>`
  );
}

function blockXml(b: Block, counter: Counter): string {
  return b.kind === "paragraph" ? paragraphXml(b, counter) : tableXml(b, counter);
}

const LIST_STYLE: Record<ListStyle, string> = { chinese: "ListChinese", decimal: "ListDecimal" };
type Numbered = Paragraph & { number: NonNullable<Paragraph["number"]> };

/**
 * A run of numbered paragraphs of one list as a text:list, levels nested as ODF nests them (an item without a
 * paragraph of its own where a run starts below level 1). Every list after the first of its style continues it.
 */
function listXml(run: readonly Numbered[], counter: Counter, continues: boolean): string {
  const items = (from: number, level: number): [string, number] => {
    let xml = "";
    let i = from;
    while (i < run.length && run[i]!.number.level >= level) {
      let item = "";
      if (run[i]!.number.level === level) item = paragraphXml(run[i++]!, counter);
      if (i < run.length && run[i]!.number.level > level) {
        const [inner, next] = items(i, level + 1);
        item += `<text:list>${inner}</text:list>`;
        i = next;
      }
      xml += `<text:list-item>${item}</text:list-item>`;
    }
    return [xml, i];
  };
  const style = LIST_STYLE[run[0]!.number.list];
  return `<text:list text:style-name="${style}"${continues ? ' text:continue-numbering="true"' : ""}>${items(0, 1)[0]}</text:list>`;
}

/** The body's blocks, consecutive numbered paragraphs of one list gathered into a text:list. */
function bodyXml(blocks: readonly Block[], counter: Counter): string {
  const out: string[] = [];
  const started = new Set<ListStyle>();
  for (let i = 0; i < blocks.length; ) {
    const b = blocks[i]!;
    if (b.kind !== "paragraph" || !b.number) {
      out.push(blockXml(b, counter));
      i += 1;
      continue;
    }
    const run: Numbered[] = [];
    for (let k = i; k < blocks.length; k++) {
      const next = blocks[k]!;
      if (next.kind !== "paragraph" || next.number?.list !== b.number.list) break;
      run.push(next as Numbered);
    }
    out.push(listXml(run, counter, started.has(b.number.list)));
    started.add(b.number.list);
    i += run.length;
  }
  return out.join("\n");
}

// 一、 with （一） below it, nothing between number and text; 1. followed by a space (what the readers print).
const levelStyle = (level: number, format: string, prefix: string, suffix: string, follow: "nothing" | "space") =>
  `<text:list-level-style-number text:level="${level}" style:num-prefix="${prefix}" style:num-suffix="${suffix}" style:num-format="${format}">` +
  `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="${follow}"/></style:list-level-properties></text:list-level-style-number>`;
const LIST_STYLES =
  `<text:list-style style:name="ListChinese">${levelStyle(1, "一, 二, 三, ...", "", "、", "nothing")}${levelStyle(2, "一, 二, 三, ...", "（", "）", "nothing")}</text:list-style>` +
  `<text:list-style style:name="ListDecimal">${levelStyle(1, "1", "", ".", "space")}</text:list-style>`;

const STYLES = `
<office:font-face-decls>
 <style:font-face style:name="${FIXTURE_FONT}" svg:font-family="'${FIXTURE_FONT}'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="130%" style:text-autospace="none"/>
  <style:text-properties style:font-name="${FIXTURE_FONT}" fo:font-size="10.5pt" fo:language="zh" fo:country="CN"
   style:font-name-asian="${FIXTURE_FONT}" style:font-size-asian="10.5pt" style:language-asian="zh" style:country-asian="CN"
   style:font-name-complex="${FIXTURE_FONT}"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="CellText" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:line-height="115%"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:style>
 <style:style style:name="BoxText" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="FullWidth" style:family="table">
  <style:table-properties style:width="16cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="Ruled" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm"/>
 </style:style>
 <style:style style:name="BodyPageBreak" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="PictureFrame" style:family="graphic">
  <style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="baseline"/>
 </style:style>
 <style:style style:name="TextBoxFrame" style:family="graphic">
  <style:graphic-properties draw:fill="none" draw:stroke="solid" svg:stroke-color="#000000" svg:stroke-width="0.02cm" fo:border="0.5pt solid #000000" fo:padding="0.1cm" style:wrap="none" style:vertical-pos="top" style:vertical-rel="baseline"/>
 </style:style>
 ${LIST_STYLES}
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"
   fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>`;

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
].join(" ");

/** Document → Flat ODT text. `title` goes into the document properties; the dates are fixed for stable output. */
export function fodtOf(doc: WordDocument, title: string): string {
  const counter: Counter = { frames: 0 };
  const header = doc.header === null ? "" : `<style:header><text:p text:style-name="Header">${odfText(doc.header)}</text:p></style:header>`;
  const footer = doc.pageNumbers
    ? `<style:footer><text:p text:style-name="Footer">第 <text:page-number text:select-page="current">1</text:page-number> 页</text:p></style:footer>`
    : "";
  const body = bodyXml(doc.blocks, counter);
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NAMESPACES} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${escapeXml(title)}</dc:title><meta:creation-date>2026-01-01T00:00:00</meta:creation-date><dc:date>2026-01-01T00:00:00</dc:date><meta:generator>scripts/make-fixtures.ts</meta:generator></office:meta>
${STYLES}
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">${header}${footer}</style:master-page>
</office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body>
</office:document>
`;
}
