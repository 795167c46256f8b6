/**
 * Document model → Flat ODT (one XML file) that LibreOffice converts to .docx, .pdf and .doc. Flat ODT, not
 * HTML, because it states what the fixtures need: A4 pages, ruled table cells, merged cells, repeated header
 * rows, a running header and a page-number footer, text boxes.
 */
import { gridOf, type Block, type Cell, type Paragraph, type Span, type Table, type WordDocument } from "./document-model.ts";

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
  const body = doc.blocks.map((b) => blockXml(b, counter)).join("\n");
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
