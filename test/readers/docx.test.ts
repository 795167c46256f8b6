import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/readers/docx.ts";
import { docxOf, p, tbl, tc, tr } from "../helpers/docx.ts";
import { documentBytes, expectedText, readerDocuments } from "../helpers/reader-fixtures.ts";

const textOf = (body: string, extra?: Record<string, string>) => readDocx(docxOf(body, extra), "t.docx").text;

describe("readDocx: small documents", () => {
  it("prints paragraphs as lines, a w:br as a new line, w:tab as a tab inside the line", () => {
    const body = p("附件2") + "<w:p/>" + '<w:p><w:r><w:t>评价方式：自评</w:t><w:br/><w:t>报告日期：2025年</w:t></w:r></w:p>' + '<w:p><w:r><w:t>名称</w:t><w:tab/><w:t>科技局</w:t></w:r></w:p>';
    expect(textOf(body)).toBe("附件2\n\n评价方式：自评\n报告日期：2025年\n名称\t科技局\n");
  });

  it("drops a tab that opens a body paragraph (it would read as a table cell), keeps w:tabs tab stops out", () => {
    const body = '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:tab/><w:t>一、基本情况</w:t></w:r></w:p>';
    expect(textOf(body)).toBe("一、基本情况\n");
  });

  it("drops a tab that opens a cell's further paragraph too (it would read as a cell of its own)", () => {
    const tabbed = '<w:p><w:r><w:tab/><w:t>第二段</w:t></w:r></w:p>';
    expect(textOf(tbl(tr(tc("", p("第一段"), tabbed))))).toBe("\t第一段\n第二段\n\n\n");
  });

  it("reads WordprocessingML under another prefix, and a UTF-16 document.xml", () => {
    const ns = '<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:tbl><ns0:tr><ns0:tc><ns0:tcPr><ns0:vMerge ns0:val="restart"/></ns0:tcPr><ns0:p><ns0:r><ns0:t>甲</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr><ns0:tr><ns0:tc><ns0:tcPr><ns0:vMerge ns0:val="continue"/></ns0:tcPr><ns0:p><ns0:r><ns0:t>甲</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr></ns0:tbl></ns0:body></ns0:document>';
    expect(readDocx(zipSync({ "word/document.xml": strToU8(ns) }), "t.docx").text).toBe("\t甲\n\n\t\n\n\n");
    const utf16 = new Uint8Array(Buffer.from(`\ufeff<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="x"><w:body>${p("正文")}</w:body></w:document>`, "utf16le"));
    expect(readDocx(zipSync({ "word/document.xml": utf16 }), "t.docx").text).toBe("正文\n");
  });

  it("prints each cell on a tab-started line, an empty line after each row and one more after the table", () => {
    const body = p("前") + tbl(tr(tc("", p("联系人")), tc("", p("李玟颐"))), tr(tc("", p("人员编制")), tc("", p("48")))) + p("后");
    expect(textOf(body)).toBe("前\n\t联系人\n\t李玟颐\n\n\t人员编制\n\t48\n\n\n后\n");
  });

  it("prints an empty cell as a lone tab, a cell's further paragraphs on untabbed lines after it", () => {
    const body = tbl(tr(tc("", p("年度主要工作内容")), tc("", p("任务1：完成"), "<w:p/>", p("任务2：梳理")), tc("")));
    expect(textOf(body)).toBe("\t年度主要工作内容\n\t任务1：完成\n\n任务2：梳理\n\t\n\n\n");
  });

  it("prints a w:gridSpan cell once and a w:vMerge continuation cell empty, as Tika does", () => {
    const body = tbl(
      tr(tc('<w:vMerge w:val="restart"/>', p("机构名称")), tc('<w:gridSpan w:val="2"/>', p("其中："))),
      tr(tc("<w:vMerge/>", p("机构名称")), tc("", p("上年结转")), tc("", p("公共财政拨款"))),
      tr(tc('<w:vMerge w:val="continue"/>'), tc("", p("1")), tc("", p("2"))),
    );
    expect(textOf(body)).toBe("\t机构名称\n\t其中：\n\n\t\n\t上年结转\n\t公共财政拨款\n\n\t\n\t1\n\t2\n\n\n");
  });

  it("prints a nested table inside its cell as Tika does; the empty paragraph Word requires after it is not printed", () => {
    const nested = tbl(tr(tc("", p("产出指标")), tc("", p("数量"))), tr(tc("", p("完成率")), tc(""), tc("", p("100%"))));
    const body = tbl(tr(tc("", p("指标")), tc("", p("见下表"), nested, "<w:p/>"), tc("", p("95")))) + "<w:p/>";
    expect(textOf(body)).toBe("\t指标\n\t见下表\n\t产出指标\n\t数量\n\n\t完成率\n\t\n\t100%\n\n\n\t95\n\n\n");
  });

  it("keeps an empty paragraph after a table when more follows", () => {
    expect(textOf(tbl(tr(tc("", p("A")))) + "<w:p/>" + p("后"))).toBe("\tA\n\n\n\n后\n");
  });

  it("prints a page break as nothing at a paragraph's edge and as a new line between two texts", () => {
    const br = '<w:r><w:br w:type="page"/></w:r>';
    expect(textOf(`<w:p><w:r><w:t>第一页</w:t></w:r>${br}</w:p><w:p>${br}<w:r><w:t>第二页</w:t></w:r></w:p><w:p><w:r><w:t>甲</w:t></w:r>${br}<w:r><w:t>乙</w:t></w:r></w:p>`)).toBe("第一页\n第二页\n甲\n乙\n");
  });

  it("reads through content controls, hyperlinks and insertions; leaves out text boxes, deletions, fallbacks", () => {
    const box = '<w:r><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r>';
    const vml = '<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>旧文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>';
    const alternate = '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>甲</w:t></mc:Choice><mc:Fallback><w:t>甲</w:t></mc:Fallback></mc:AlternateContent></w:r>';
    const body =
      '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
      `<w:p><w:r><w:t>正文</w:t></w:r>${box}${vml}<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:del><w:r><w:delText>删</w:delText><w:tab/></w:r></w:del><w:ins><w:r><w:t>增</w:t></w:r></w:ins>${alternate}</w:p>` +
      tbl('<w:sdt><w:sdtContent>' + tr(tc("", p("A&amp;B"))) + "</w:sdtContent></w:sdt>");
    expect(textOf(body)).toBe("控件\n正文链接增甲\n\tA&B\n\n\n");
  });

  it("reads paragraphs whose formatting has tracked changes (an old w:pPr inside w:pPrChange inside w:pPr)", () => {
    const pPr = '<w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr><w:pPrChange w:id="1" w:author="财政局"><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrChange></w:pPr>';
    const rPr = '<w:rPr><w:sz w:val="24"/><w:rPrChange w:id="2" w:author="财政局"><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrChange></w:rPr>';
    const tcPr = '<w:tcPr><w:gridSpan w:val="2"/><w:tcPrChange w:id="3" w:author="财政局"><w:tcPr><w:vMerge/></w:tcPr></w:tcPrChange></w:tcPr>';
    const body = `<w:p>${pPr}<w:r>${rPr}<w:t>标题</w:t></w:r></w:p>` + tbl(`<w:tr><w:tc>${tcPr}${p("合计")}</w:tc></w:tr>`);
    expect(textOf(body)).toBe("标题\n\t合计\n\n\n");
  });

  it("reads only the body: headers, footers and footnotes are other parts", () => {
    const extra = { "word/header1.xml": `<w:hdr>${p("页眉")}</w:hdr>`, "word/footer1.xml": `<w:ftr>${p("第1页")}</w:ftr>` };
    expect(textOf(p("正文"), extra)).toBe("正文\n");
  });

  it("returns the DocumentText of a .docx", () => {
    expect(readDocx(docxOf(p("正文")), "t.docx")).toEqual({ format: "docx", text: "正文\n", pages: null, encoding: null, damagedLines: [] });
  });
});

describe("readDocx: automatic list numbers (word/numbering.xml, word/styles.xml)", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const lvl = (ilvl: number, format: string, text: string, more = "") =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${more}<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420"/></w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>`;
  // abstract 0: 一、 / （一） / 1.1 (legal: every number decimal); abstract 1: 1. (decimal); abstract 2: a bullet; num 4 restarts abstract 1 at 5.
  const numbering =
    `<w:numbering ${W}>` +
    `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "%1、")}${lvl(1, "chineseCounting", "（%2）")}${lvl(2, "decimal", "%1.%3", "<w:isLgl/>")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "%1.")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${lvl(0, "bullet", "\uf0b7")}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>' +
    "</w:numbering>";
  const numbered = (numId: number, ilvl: number, text: string) =>
    `<w:p><w:pPr><w:pStyle w:val="a3"/><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr><w:ind w:firstLine="420"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const listText = (body: string, styles?: string) => textOf(body, { "word/numbering.xml": numbering, ...(styles ? { "word/styles.xml": styles } : {}) });

  it("prints each number as Word draws it, counting on across other paragraphs, restarting the levels below", () => {
    const body =
      numbered(1, 0, "部门基本情况") + p("正文。") + numbered(1, 1, "主要职能") + numbered(1, 1, "机构设置") + numbered(1, 2, "人员") +
      numbered(1, 0, "一般公共预算支出情况") + numbered(1, 1, "基本支出") + numbered(1, 2, "工资");
    expect(listText(body)).toBe("一、部门基本情况\n正文。\n（一）主要职能\n（二）机构设置\n1.1人员\n二、一般公共预算支出情况\n（一）基本支出\n2.1工资\n");
  });

  it("puts a space between a number and Latin text or a figure, none next to Chinese text, as the PDF reader prints", () => {
    expect(listText(numbered(2, 0, "2024年度支出合计100万元。") + numbered(2, 0, "基本支出60万元。"))).toBe("1. 2024年度支出合计100万元。\n2.基本支出60万元。\n");
  });

  it("counts a restarted list on its own, draws bullets, and leaves an empty numbered paragraph unlabelled", () => {
    const body = numbered(2, 0, "甲") + numbered(4, 0, "乙") + numbered(4, 0, "") + numbered(4, 0, "丙") + numbered(2, 0, "丁") + numbered(3, 0, "要点");
    expect(listText(body)).toBe("1.甲\n5.乙\n\n7.丙\n2.丁\n•要点\n");
  });

  it("numbers a paragraph through its style (and the style's parent); numId 0 switches the numbering off", () => {
    const styles =
      `<w:styles ${W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
      '<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="1"/></w:style></w:styles>';
    const styled = (style: string, text: string, numPr = "") => `<w:p><w:pPr><w:pStyle w:val="${style}"/>${numPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body = styled("1", "基本情况") + styled("H1", "支出情况") + styled("1", "不编号", '<w:numPr><w:numId w:val="0"/></w:numPr>') + styled("H1", "绩效情况");
    expect(listText(body, styles)).toBe("一、基本情况\n二、支出情况\n不编号\n三、绩效情况\n");
  });

  it("numbers paragraphs inside table cells, and reads a custom format's fallback", () => {
    const custom =
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
      '<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>' +
      '<w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const body = tbl(tr(tc("", numbered(1, 0, "指标")), tc("", p("95"))), tr(tc("", numbered(1, 0, "指标")), tc("", p("90"))));
    expect(textOf(body, { "word/numbering.xml": custom })).toBe("\t01指标\n\t95\n\n\t02指标\n\t90\n\n\n");
  });

  it("leaves the text as it is when the numbering part is damaged or names no list", () => {
    expect(textOf(numbered(1, 0, "基本情况"), { "word/numbering.xml": "<w:numbering><w:abstractNum" })).toBe("基本情况\n");
    expect(textOf(numbered(9, 0, "基本情况"), { "word/numbering.xml": numbering })).toBe("基本情况\n");
  });
});

describe("readDocx: files that are not a readable .docx", () => {
  const message = (bytes: Uint8Array) => {
    try {
      readDocx(bytes, "2024/x.docx");
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
    return "no error";
  };
  const expected = "ParseError: 2024/x.docx: expected a Word .docx document (a zip with word/document.xml), found ";

  it("an encrypted .docx (an OLE compound file)", () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(message(ole)).toBe(`${expected}an OLE compound file (a password-protected .docx, or a Word 97–2003 .doc named .docx)`);
  });
  it("a truncated zip", () => {
    const zip = docxOf(p("正文"));
    expect(message(zip.slice(0, zip.length - 30))).toBe(`${expected}a broken zip (invalid zip data)`);
  });
  it("a zip without word/document.xml", () => {
    expect(message(zipSync({ "word/other.xml": strToU8("<x/>") }))).toBe(`${expected}a zip without word/document.xml`);
  });
  it("a damaged document.xml", () => {
    expect(message(zipSync({ "word/document.xml": strToU8("<w:document><w:body><w:p></w:body>") }))).toBe(`${expected}a damaged word/document.xml (unexpected close tag)`);
  });
  it("RTF, HTML, a web archive or a PDF named .docx", () => {
    expect(message(strToU8("{\\rtf1\\ansi 自评报告}"))).toBe(`${expected}an RTF document`);
    expect(message(strToU8('\ufeff<html xmlns:w="urn:schemas-microsoft-com:office:word">'))).toBe(`${expected}an HTML page`);
    expect(message(strToU8("MIME-Version: 1.0\r\nContent-Type: multipart/related"))).toBe(`${expected}a web archive (MHT)`);
    expect(message(strToU8("%PDF-1.7\n"))).toBe(`${expected}a PDF`);
  });
  it("text, and an empty file", () => {
    expect(message(strToU8("部门整体支出绩效自评报告"))).toBe(`${expected}neither a Word document nor one of RTF, HTML or PDF`);
    expect(message(new Uint8Array())).toBe(`${expected}an empty file`);
  });
});

describe("readDocx: the reader documents (test/fixtures/readers, made by LibreOffice)", () => {
  // Text boxes are left out (decided for issue 7); the fixture's expected text keeps them.
  const OWN_EXPECTATION: Record<string, string> = { "text-box": "正文第一段。\n\n正文第二段。\n" };

  it.each(readerDocuments("docx"))("%s.docx", (name) => {
    expect(readDocx(documentBytes(`${name}.docx`), `${name}.docx`).text).toBe(OWN_EXPECTATION[name] ?? expectedText(name));
  });

  it("refuses truncated.docx and not-word.docx (an .odt named .docx) with a ParseError saying what they are", () => {
    expect(() => readDocx(documentBytes("truncated.docx"), "truncated.docx")).toThrow(
      "truncated.docx: expected a Word .docx document (a zip with word/document.xml), found a broken zip (invalid zip data)",
    );
    expect(() => readDocx(documentBytes("not-word.docx"), "not-word.docx")).toThrow(
      "not-word.docx: expected a Word .docx document (a zip with word/document.xml), found a zip without word/document.xml",
    );
  });
});
