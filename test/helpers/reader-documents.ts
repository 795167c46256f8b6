/**
 * The small documents under test/fixtures/readers/: one reader difficulty each, in Chinese. The fixture script
 * exports them; `tikaTextOf` of each is its expected text (written next to it as <name>.expected.txt).
 */
import { cell, paragraph, type Cell, type ListStyle, type Paragraph, type Row, type Table, type WordDocument } from "./document-model.ts";

export type DocumentFormat = "docx" | "pdf" | "doc";

export interface ReaderDocument {
  name: string;
  /** What the document holds and what a reader must do with it (goes into the README). */
  about: string;
  doc: WordDocument;
  formats: readonly DocumentFormat[];
}

const ALL: readonly DocumentFormat[] = ["docx", "pdf", "doc"];

const table = (columns: number, rows: readonly (readonly Cell[])[], headerRows = 0): Table => ({
  kind: "table",
  columns,
  headerRows,
  rows: rows.map((cells): Row => ({ cells: [...cells] })),
});

const plain = (...blocks: WordDocument["blocks"]): WordDocument => ({ blocks, header: null, pageNumbers: false });

const mergedCells = plain(
  paragraph("合并单元格测试"),
  table(4, [
    [cell("项目", 1, 2), cell("资金（万元）", 3)],
    [cell("预算数"), cell("执行数"), cell("执行率")],
    [cell("科技专项"), cell("100"), cell("95"), cell("95%")],
    [cell("工业发展", 1, 2), cell("200"), cell("180"), cell("90%")],
    [cell("150"), cell("150"), cell("100%")],
    [cell("备注"), cell("无", 3)],
  ]),
  paragraph("表后段落。"),
);

/** 60 indicator rows under a header row: more than one A4 page. */
function longTable(headerRows: number): Table {
  const rows: Cell[][] = [[cell("序号"), cell("指标名称"), cell("完成值")]];
  for (let i = 1; i <= 60; i++) rows.push([cell(String(i)), cell(`指标${i}：新增科技型企业数`), cell(`${i * 3}家`)]);
  return table(3, rows, headerRows);
}

const cellTwoParagraphs = plain(
  paragraph("单元格内两段测试"),
  table(2, [
    [cell("年度主要工作内容"), cell(["任务1：完成沿江化工企业设备拆除。", "任务2：完成原工业系统企业改制。"])],
    [cell("说明"), cell("单段单元格。")],
  ]),
);

const headerFooter: WordDocument = {
  header: "测试县2024年度部门整体支出绩效自评报告",
  pageNumbers: true,
  blocks: [
    paragraph("第一页正文：页眉和页脚不是正文。"),
    paragraph("第一页第二段。"),
    { ...paragraph("第二页正文：分页之后的段落。"), pageBreakBefore: true },
  ],
};

const emptyCell = plain(
  paragraph("空单元格测试"),
  table(3, [
    [cell("指标"), cell("目标值"), cell("完成值")],
    [cell("指标1"), cell(""), cell("10")],
    [cell("指标2"), cell("5"), cell("")],
    [cell(""), cell(""), cell("")],
  ]),
);

const nestedTable = plain(
  paragraph("嵌套表格测试"),
  table(2, [
    [
      cell("外层左上"),
      {
        colSpan: 1,
        rowSpan: 1,
        blocks: [paragraph("外层右上，内含表格："), table(2, [[cell("内1"), cell("内2")], [cell("内3"), cell("内4")]])],
      },
    ],
    [cell("外层左下"), cell("外层右下")],
  ]),
  paragraph("表后段落。"),
);

const textBox = plain(
  paragraph("正文第一段。"),
  { kind: "paragraph", spans: [{ textBox: [paragraph("文本框第一行"), paragraph("文本框第二行")] }] },
  paragraph("正文第二段。"),
);

const numbered = (text: string, list: ListStyle, level: number, label: string): Paragraph => ({ ...paragraph(text), number: { list, level, label } });

const listNumbers = plain(
  paragraph("自动编号测试"),
  numbered("部门基本情况", "chinese", 1, "一、"),
  paragraph("本部门为县政府工作部门。"),
  numbered("主要职能", "chinese", 2, "（一）"),
  numbered("机构设置", "chinese", 2, "（二）"),
  numbered("一般公共预算支出情况", "chinese", 1, "二、"),
  paragraph("本年度预算执行良好。"),
  numbered("绩效自评情况", "chinese", 1, "三、"),
  // A list of another style comes last: LibreOffice's .docx export restarts a list that continues after another one.
  numbered("2024年度支出合计100万元。", "decimal", 1, "1."),
  numbered("基本支出60万元。", "decimal", 1, "2."),
);

export const READER_DOCUMENTS: readonly ReaderDocument[] = [
  {
    name: "merged-cells",
    about:
      "4-column table: 项目 spans 2 rows, 资金（万元） spans 3 columns, 工业发展 spans 2 rows, 无 spans 3 columns. " +
      "Expected text prints a merged cell once, where it starts, and an empty cell in each further row a vertical merge covers (as Tika prints Word's `vMerge` continuation cells; the seed 自评表 rows that begin with empty cells are such).",
    doc: mergedCells,
    formats: ALL,
  },
  {
    name: "table-over-pages-repeated-header",
    about:
      "One 3-column table of 61 rows over two PDF pages; the header row (序号/指标名称/完成值) is marked to repeat " +
      "(`w:tblHeader`), so the PDF prints it again on top of page 2. Expected text has it once.",
    doc: plain(paragraph("跨页表格测试（重复标题行）"), longTable(1)),
    formats: ALL,
  },
  {
    name: "table-over-pages",
    about: "The same table without a repeated header row: page 2 of the PDF starts with row 指标…; one table in the text.",
    doc: plain(paragraph("跨页表格测试"), longTable(0)),
    formats: ALL,
  },
  {
    name: "cell-two-paragraphs",
    about: "A cell holding two paragraphs (任务1… / 任务2…): the second is an untabbed line right after the first.",
    doc: cellTwoParagraphs,
    formats: ALL,
  },
  {
    name: "header-footer",
    about:
      "Two pages (a page break) with running header 测试县2024年度部门整体支出绩效自评报告 and footer 第 N 页: " +
      "neither is body text.",
    doc: headerFooter,
    formats: ALL,
  },
  {
    name: "empty-cell",
    about: "3-column table with one empty cell in row 2, one in row 3 and a row of three empty cells: each is a bare tab line.",
    doc: emptyCell,
    formats: ALL,
  },
  {
    name: "nested-table",
    about:
      "The top-right cell of a 2×2 table holds a paragraph and a 2×2 table. Expected text is Tika's: the inner " +
      "table's cells and row/table ends printed inside the outer cell.",
    doc: nestedTable,
    formats: ALL,
  },
  {
    name: "list-numbers",
    about:
      "Headings numbered automatically (一、 with （一） below it, counting on across a body paragraph) and a 1. list, " +
      "numbers that are not in the text but in the list definitions. Expected text prints each number in front of its " +
      "paragraph, glued to Chinese text and with a space before a figure (1. 2024年…), as the PDF shows it; the .docx " +
      "and .doc readers draw them from the list definitions.",
    doc: listNumbers,
    formats: ALL,
  },
  {
    name: "text-box",
    about: "A text box (two paragraphs) anchored in its own paragraph between two body paragraphs; its text belongs there.",
    doc: textBox,
    formats: ALL,
  },
];

/** The page turned into a picture for the scan-only PDF. */
export const SCAN_SOURCE: WordDocument = plain(
  paragraph("扫描件测试"),
  paragraph("这一页只有图像，没有文字层。"),
  table(2, [
    [cell("项目"), cell("金额（万元）")],
    [cell("科技专项"), cell("100")],
  ]),
);

/** The one document of the encrypted PDF (open password "x"). */
export const ENCRYPTED_SOURCE: WordDocument = plain(paragraph("加密文档测试：打开密码为 x。"));
