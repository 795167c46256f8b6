/**
 * The data contract: every published table and column, declared once.
 * The Parquet/CSV writers, the data dictionary, the tests and the site's query layer all read it from here.
 */
import { z } from "zod";
import {
  BASIS_NAMES,
  DEPARTMENT_KIND_NAMES,
  DIRECTION_NAMES,
  LEVEL1,
  LEVEL2,
  METRIC_NAMES,
  REPORT_KIND_NAMES,
  SEVERITY_NAMES,
  SHEET_NAMES,
  STATUS_NAMES,
} from "./vocab.ts";

/**
 * The version of the published files' contract: these tables and manifest.json (1.1: a table's CSV may be split by
 * year; 1.2: reports.report_kind, the 部门决算's metrics, counts in facts; 1.3: manifest.release_id and the changes
 * table of a release against the one before; 1.4: ocr_confidence on the rows read, and ocr_uncertain checks).
 */
export const SCHEMA_VERSION = "1.4.0";

export type DuckType = "VARCHAR" | "INTEGER" | "DOUBLE";

interface ColumnMeta {
  zh: string;
  meaning: string;
  example: string | number | null;
  unit?: string;
}

export interface Column<S extends z.ZodType = z.ZodType> extends ColumnMeta {
  type: DuckType;
  nullable: boolean;
  values?: readonly string[];
  zod: S;
}

function column<S extends z.ZodType>(type: DuckType, base: S, meta: ColumnMeta, values?: readonly string[]) {
  const col: Column<S> = { ...meta, type, nullable: false, zod: base };
  return values ? { ...col, values } : col;
}
function nullable<S extends z.ZodType>(col: Column<S>): Column<z.ZodNullable<S>> {
  return { ...col, nullable: true, zod: col.zod.nullable() };
}
const text = (meta: ColumnMeta) => column("VARCHAR", z.string(), meta);
const int = (meta: ColumnMeta) => column("INTEGER", z.number().int(), meta);
const num = (meta: ColumnMeta) => column("DOUBLE", z.number().finite(), meta);
function oneOf<const T extends readonly [string, ...string[]]>(values: T, meta: ColumnMeta) {
  return column("VARCHAR", z.enum(values), meta, values);
}

type Columns = Record<string, Column>;

export interface Table<C extends Columns = Columns> {
  name: string;
  zh: string;
  description: string;
  /** The sort order of the published files; also what identifies a row where `unique`. */
  key: (keyof C & string)[];
  /** No two rows share `key`. False for projects: a list may name the same project twice on one line. */
  unique: boolean;
  columns: C;
  schema: z.ZodObject<{ [K in keyof C]: C[K]["zod"] }>;
}

function table<C extends Columns>(name: string, zh: string, description: string, key: (keyof C & string)[], columns: C, unique = true): Table<C> {
  const shape = Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c.zod])) as { [K in keyof C]: C[K]["zod"] };
  return { name, zh, description, key, unique, columns, schema: z.object(shape).strict() };
}

const reportId = text({
  zh: "报告编号",
  meaning: "Stable ASCII id: county code, fiscal year, department initials; other kinds than the overall report add theirs (-js 决算, -ys 预算, -xm-<hash> 项目支出)",
  example: "430682-2024-kjgyxxhj",
});
const sourceLine = int({ zh: "原文行号", meaning: "1-based line in the source text where the value stands", example: 117 });
const sourcePage = nullable(int({ zh: "原文页码", meaning: "1-based page of source_line in a paged original (PDF); null for text and Word input", example: 3 }));
/** Below this ocr_confidence a row read by OCR gets an ocr_uncertain check (src/publish/folding-checks.ts). */
export const UNCERTAIN_OCR = 85;
const ocrConfidence = nullable(num({
  zh: "OCR置信度",
  meaning: `For a row read from page images by OCR (a scan): the OCR engine's lowest word confidence, 0–100, over the cells or lines the row's values stand in (for a money figure, the words printing figures); below ${UNCERTAIN_OCR} the row also has an ocr_uncertain check. Null for a row read from the file's own text (text, Word, a PDF's text layer)`,
  example: 91.5,
}));

export const reports = table("reports", "报告", "One row per report.", ["report_id"], {
  report_id: reportId,
  county_code: text({ zh: "区划代码", meaning: "6-digit GB/T 2260 code of the city, county or district whose department it is (株洲市天元区教育局 is 天元区's, 430211)", example: "430682" }),
  county_zh: text({ zh: "县市", meaning: "City or county name", example: "临湘市" }),
  county_en: text({ zh: "县市拼音", meaning: "Pinyin name of the city or county, without its suffix", example: "Linxiang" }),
  department_zh: text({ zh: "部门", meaning: "Full department name as printed", example: "临湘市科技和工业信息化局" }),
  unit_id: text({
    zh: "单位编号",
    meaning:
      "One department of one county across years: county code and the initials of the department's own name (without the county), so every year's report of a department shares it. A renamed department (科技局 → 科技和工业信息化局) starts a new unit: a name is the only identity a report prints; an abbreviation the report itself expands (科工信局) is not a rename. Where two departments of one county share initials (商务局, 水务局), each gets -<4 hex of its name's SHA-1> in every year, in report_id too",
    example: "430682-kjgyxxhj",
  }),
  department_kind: oneOf(DEPARTMENT_KIND_NAMES, {
    zh: "部门类别",
    meaning: "Peer group, from keywords in the department's own name (see the department kind vocabulary; first match in its order wins)",
    example: "tech_industry",
  }),
  report_kind: oneOf(REPORT_KIND_NAMES, {
    zh: "文件类别",
    meaning: "What kind of document it is (see the report kind vocabulary): a 部门整体支出绩效自评报告, a 项目支出绩效自评表 or 自评报告, a 部门决算 or 部门预算",
    example: "overall",
  }),
  fiscal_year: int({ zh: "评价年度", meaning: "The year evaluated or accounted for (not the year the report was written or published)", example: 2024 }),
  self_score: nullable(num({ zh: "自评得分", meaning: "Total self-evaluation score as stated", example: 98, unit: "分" })),
  grade: nullable(text({ zh: "评价等次", meaning: "优 / 良 / 中 / 差 as stated", example: "优" })),
  staff_authorized: nullable(int({ zh: "编制数", meaning: "Authorised staff posts (编制数; in prose the sum of 行政/事业/参公/工勤编制 of the year)", example: 48, unit: "人" })),
  staff_actual: nullable(int({ zh: "实有人数", meaning: "Staff actually in post (实有人数 / 在职人数; in prose 在职实有…人, 在职人员…人 of the year)", example: 37, unit: "人" })),
  source_file: text({ zh: "源文件", meaning: "Path of the input file (.txt, .docx, .doc or .pdf) relative to --in", example: "2024/临湘市-科技和工业信息化局.txt" }),
  source_sha256: text({ zh: "源文件哈希", meaning: "SHA-256 of the input bytes", example: "9f2c…" }),
});

export const facts = table("facts", "资金数据", "One row per money figure (report_id, metric, basis, year).", ["report_id", "metric", "basis", "year"], {
  report_id: reportId,
  metric: oneOf(METRIC_NAMES, { zh: "指标", meaning: "What the figure measures (see the metric vocabulary)", example: "spend_basic" }),
  basis: oneOf(BASIS_NAMES, { zh: "口径", meaning: "actual (决算/执行) or budget (预算)", example: "actual" }),
  year: int({ zh: "年度", meaning: "Fiscal year the figure is for (reports also print last year's figures)", example: 2024 }),
  value: num({ zh: "数值", meaning: "The figure exactly as printed, in the unit column's unit", example: 532.95 }),
  unit: text({ zh: "单位", meaning: "万元 for money, % for rates, 分 for scores, 个 or 辆 for counts", example: "万元" }),
  source_line: sourceLine,
  source_page: sourcePage,
  ocr_confidence: ocrConfidence,
});

export const indicators = table(
  "indicators",
  "绩效指标",
  "One row per performance indicator (绩效指标).",
  ["report_id", "source_line"],
  {
    report_id: reportId,
    sheet: oneOf(SHEET_NAMES, { zh: "表", meaning: "overall (部门整体支出绩效自评表 or the report's own target table) or project (项目支出绩效自评表)", example: "overall" }),
    project: nullable(text({ zh: "项目", meaning: "Project name for project rows", example: "遗属生活补助" })),
    level1: oneOf(LEVEL1, { zh: "一级指标", meaning: "产出, 效益 or 满意度", example: "产出" }),
    level2: nullable(oneOf(LEVEL2, { zh: "二级指标", meaning: "数量, 质量, 时效, 成本, 经济效益, 社会效益, 生态效益, 可持续影响, 满意度", example: "数量" })),
    name: text({ zh: "三级指标", meaning: "Indicator name as printed", example: "新增规模工业企业" }),
    target_text: text({ zh: "年度指标值", meaning: "Target as printed", example: "≥95％" }),
    actual_text: text({ zh: "实际完成值", meaning: "Result as printed", example: "100%" }),
    target_value: nullable(num({ zh: "目标数值", meaning: "The number in the target, in its own unit", example: 95 })),
    actual_value: nullable(num({ zh: "实际数值", meaning: "The number in the result, in its own unit", example: 100 })),
    unit: nullable(text({ zh: "单位", meaning: "Unit of target_value and actual_value: %, 家, 个, 亿元, 万元, 次, 人 …", example: "%" })),
    direction: nullable(oneOf(DIRECTION_NAMES, { zh: "方向", meaning: "higher (more is better), lower (a ceiling: ≤, 控制, 三公, 成本) or equal", example: "higher" })),
    weight: nullable(num({ zh: "分值", meaning: "Points the indicator is worth", example: 5, unit: "分" })),
    score: nullable(num({ zh: "得分", meaning: "Points the department gave itself", example: 5, unit: "分" })),
    status: oneOf(STATUS_NAMES, { zh: "完成情况", meaning: "met, missed, or unknown (qualitative, or no numbers)", example: "met" }),
    source_line: sourceLine,
    source_page: sourcePage,
    ocr_confidence: ocrConfidence,
    target_line: nullable(int({ zh: "目标行号", meaning: "1-based line where target_text stands (null when no target is printed)", example: 305 })),
    actual_line: nullable(int({ zh: "完成值行号", meaning: "1-based line where actual_text stands (null when no result is printed)", example: 306 })),
    weight_line: nullable(int({ zh: "分值行号", meaning: "1-based line where the weight stands (null when weight is null)", example: 307 })),
    score_line: nullable(int({ zh: "得分行号", meaning: "1-based line where the score stands (null when score is null)", example: 308 })),
  },
);

export const projects = table("projects", "项目", "One row per named project amount (a list that names a project twice gives two rows).", ["report_id", "source_line", "name", "basis", "year", "amount"], {
  report_id: reportId,
  name: text({ zh: "项目名称", meaning: "Project name as printed", example: "先进制造业高地专项资金" }),
  amount: num({ zh: "金额", meaning: "Amount in 万元 as printed", example: 100, unit: "万元" }),
  basis: oneOf(BASIS_NAMES, { zh: "口径", meaning: "actual (决算/执行) or budget (预算)", example: "actual" }),
  year: int({ zh: "年度", meaning: "Fiscal year of the amount", example: 2024 }),
  source_line: sourceLine,
  source_page: sourcePage,
  ocr_confidence: ocrConfidence,
}, false);

export const checks = table("checks", "数据质量检查", "One row per inconsistency found in a report.", ["report_id", "rule", "source_line", "metrics", "message"], {
  report_id: reportId,
  rule: text({ zh: "规则", meaning: "Stable rule id", example: "spend_parts_sum" }),
  severity: oneOf(SEVERITY_NAMES, { zh: "严重程度", meaning: "error, warning or info", example: "error" }),
  metrics: text({ zh: "涉及项", meaning: "Comma-separated names of what disagrees: metrics, report/indicator columns, or project", example: "spend_total,spend_basic,spend_project" }),
  message: text({ zh: "说明", meaning: "Chinese sentence with both numbers", example: "支出合计946.17万元，但基本支出532.95万元与项目支出456.79万元之和为989.74万元" }),
  source_line: nullable(sourceLine),
  source_page: sourcePage,
});

export const TABLES = { reports, facts, indicators, projects, checks } as const;

/** What a change row says happened between two releases. */
export const CHANGE_KINDS = ["report_added", "report_removed", "value_changed", "value_added", "value_removed"] as const;
/** The tables whose numbers the change log compares. */
export const CHANGED_TABLES = ["reports", "facts", "indicators", "projects"] as const;

const sourceFileOf = (which: string) => nullable(text({ zh: `${which}源文件`, meaning: `reports.source_file of the report in the ${which === "旧" ? "previous" : "new"} release (null where it is not in it)`, example: "2024/临湘市-科技和工业信息化局.txt" }));
const sourceLineOf = (which: string) => nullable(int({ zh: `${which}原文行号`, meaning: `source_line of the number in the ${which === "旧" ? "previous" : "new"} release (null where it has none: not in that release, or a reports column)`, example: 117 }));

/**
 * A release's change log against the one before (npm run data -- --previous <dir>): not one of the per-report
 * tables above, written once per run beside them as changes.csv and changes.parquet.
 */
export const changes = table(
  "changes",
  "版本变更",
  "One row per report added or removed, and per published number that changed, appeared or disappeared in a report of both releases.",
  ["report_id", "table", "item", "field"],
  {
    change: oneOf(CHANGE_KINDS, { zh: "变更", meaning: "report_added / report_removed (the whole report; its numbers are not listed), value_changed, value_added or value_removed (one number of a report in both releases)", example: "value_changed" }),
    report_id: reportId,
    county_zh: text({ zh: "县市", meaning: "reports.county_zh (of the new release where the report is in it)", example: "临湘市" }),
    department_zh: text({ zh: "部门", meaning: "reports.department_zh (of the new release where the report is in it)", example: "临湘市科技和工业信息化局" }),
    fiscal_year: int({ zh: "评价年度", meaning: "reports.fiscal_year", example: 2024 }),
    table: oneOf(CHANGED_TABLES, { zh: "表", meaning: "The table the number is published in (reports for a report added or removed)", example: "facts" }),
    item: nullable(text({
      zh: "项",
      meaning: "Which number of the report, as the table identifies it: facts `metric basis year`; projects `name basis year`; indicators `sheet project name` (project - on the overall sheet); `#2` … where a report prints the same item again. Null for a report added or removed, and for a reports column",
      example: "spend_total actual 2024",
    })),
    field: nullable(text({ zh: "字段", meaning: "The column that changed: value, amount, target_value, actual_value, weight, score, self_score, staff_authorized, staff_actual", example: "value" })),
    old_value: nullable(num({ zh: "旧值", meaning: "The number in the previous release, in the table's unit (null where absent)", example: 946.17 })),
    new_value: nullable(num({ zh: "新值", meaning: "The number in the new release, in the table's unit (null where absent)", example: 964.17 })),
    old_source_file: sourceFileOf("旧"),
    old_source_line: sourceLineOf("旧"),
    new_source_file: sourceFileOf("新"),
    new_source_line: sourceLineOf("新"),
  },
);
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Columns the pipeline adds to the extractor's rows from what the reader saw (the extractor reads text only). */
export type ReaderColumns = "source_page" | "ocr_confidence";

export type ReportRow = z.output<typeof reports.schema>;
/** A facts row as the extractor makes it; the published row (TableRows["facts"]) adds source_page and ocr_confidence. */
export type FactRow = Omit<z.output<typeof facts.schema>, ReaderColumns>;
export type IndicatorRow = Omit<z.output<typeof indicators.schema>, ReaderColumns>;
export type ProjectRow = Omit<z.output<typeof projects.schema>, ReaderColumns>;
export type CheckRow = Omit<z.output<typeof checks.schema>, ReaderColumns>;
/** Rows as published, every column of the schema. */
export interface TableRows {
  reports: ReportRow;
  facts: z.output<typeof facts.schema>;
  indicators: z.output<typeof indicators.schema>;
  projects: z.output<typeof projects.schema>;
  checks: z.output<typeof checks.schema>;
}
export type ChangeRow = z.output<typeof changes.schema>;

/** Every table a release publishes: the per-report tables and the change log. */
export const PUBLISHED_TABLES = { ...TABLES, changes } as const;
export type PublishedName = keyof typeof PUBLISHED_TABLES;
export type PublishedRows = TableRows & { changes: ChangeRow };

/** Column names of a table in published order. */
export function columnNames(name: PublishedName): string[] {
  return Object.keys(PUBLISHED_TABLES[name].columns);
}
