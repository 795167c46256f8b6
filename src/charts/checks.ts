/** 数据质量: checks per report (one page) or per county / department kind, and checks by rule; errors first. */
import * as Plot from "@observablehq/plot";
import { SEVERITIES, type Severity } from "../schema/vocab.ts";
import { formatNumber } from "../format/zh.ts";
import { checkCounts, checkRules, type CheckCountRow, type CheckRuleRow } from "../query/queries.ts";
import type { ChartSpec, LegendItem } from "./chart.ts";
import { OKABE_ITO } from "./palette.ts";
import { BAR_INSET, baseOptions, plot, rowLabels, rowScale, xAxisPlacement } from "./plot-defaults.ts";
import { pagedColumns } from "./report-columns.ts";
import { rowKey, rowLabel } from "./row-label.ts";

const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];
const SEVERITY_COLOR: Record<Severity, string> = { error: OKABE_ITO.vermillion, warning: OKABE_ITO.orange, info: OKABE_ITO.grey };
const COUNT_KEY = { error: "errors", warning: "warnings", info: "infos" } as const;

/** What each rule checks, in a few words (the rule ids are the pipeline's, src/extract/checks and normalize). */
export const RULE_ZH: Record<string, string> = {
  spend_parts_sum: "支出分项之和≠支出合计",
  level1_weight_sum: "一级指标分值与表头不符",
  basic_parts_sum: "人员+公用≠基本支出",
  income_parts_sum: "收入分项之和≠收入合计",
  sangong_parts_sum: "三公分项之和≠三公合计",
  sangong_vehicle_sum: "公车购置+运行≠公车合计",
  execution_rate: "执行率与金额不符",
  missed_full_score: "未完成却得满分",
  score_over_weight: "得分超过分值",
  score_sum: "总分≠各项得分之和",
  weight_sum: "分值之和与表头不符",
  items_sum: "明细之和≠合计",
  prose_items_sum: "正文列举之和≠合计",
  value_conflict: "同一数字两处不同",
  unit_rows_sum: "下属单位之和≠汇总",
  unit_suspect: "疑似以元为单位",
  project_amount_conflict: "项目金额两处不同",
  number_misprint: "数字印刷有误",
  derived_value: "由分项推算（未直接列出）",
  unit_converted: "金额单位已换算为万元",
  possibly_truncated: "文本疑似不完整",
  damaged_bytes: "原文件含无法解码的字节或字形",
  duplicate_input: "同一报告另有文件",
  function_classes_sum: "各功能分类之和≠支出合计",
  repeated_block: "段落重复印出（疑似损坏）",
  damaged_number: "超长数字（疑似损坏）",
  row_misaligned: "表格行与表头对不上（未采用）",
  fund_scope_only: "只有单项资金来源的数字（未采用）",
  radicals_folded: "部首字符已换成通用汉字",
  ocr_text: "扫描件，文字由 OCR 识别",
  ocr_uncertain: "OCR 识别置信度低，数值待核对",
  traditional_converted: "繁体字已转换为简体",
  pinyin_removed: "原文插有拼音（已去除）",
  cross_document_conflict: "自评报告与决算不一致",
};
export const ruleLabel = (rule: string) => RULE_ZH[rule] ?? rule;

const legendOf = (present: Set<Severity>): LegendItem[] => SEVERITY_ORDER.filter((s) => present.has(s)).map((s) => ({ label: SEVERITIES[s], color: SEVERITY_COLOR[s] }));

interface Segment {
  row: CheckCountRow;
  severity: Severity;
  n: number;
}
const segmentsOf = (rows: readonly CheckCountRow[]): Segment[] =>
  rows.flatMap((row) => SEVERITY_ORDER.map((severity) => ({ row, severity, n: row[COUNT_KEY[severity]] })).filter((s) => s.n > 0));

export const checksChart: ChartSpec<CheckCountRow> = {
  id: "checks",
  title: "各单位的数据质量问题：错误、警告、提示条数",
  note: "单位：条。错误指数字相互矛盾（如分项之和不等于合计），只标注，不修改报告。表中列出每份报告的第一条问题及其原文行。每页 20 行。",
  csvName: "checks.csv",
  query: (db, f) => checkCounts(db, f),
  queryAll: (db, f) => checkCounts(db, f, true),
  fullTable: "checks",
  columns: [
    ...pagedColumns<CheckCountRow>("quality/"),
    { key: "reports", label: "报告数", format: (v) => formatNumber(v as number) },
    { key: "errors", label: "错误", format: (v) => formatNumber(v as number) },
    { key: "warnings", label: "警告", format: (v) => formatNumber(v as number) },
    { key: "infos", label: "提示", format: (v) => formatNumber(v as number) },
    { key: "first_rule", label: "第一条问题（错误优先）", format: (v) => (v === null ? "—" : ruleLabel(v as string)), tableOnly: true },
    { key: "first_message", label: "说明" },
    // The line number as the link text: the message may quote figures from several lines.
    { key: "first_line", label: "原文", format: (v) => (v === null ? "—" : `第${String(v)}行`), line: "first_line" },
  ],
  legend: (rows) => legendOf(new Set(segmentsOf(rows).map((s) => s.severity))),
  render(rows, ctx) {
    return plot({
      ...baseOptions(ctx, rows.length, checksChart.title),
      x: { label: "问题条数", grid: true, axis: xAxisPlacement(rows.length), tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "") },
      y: rowScale(rows.map(rowKey)),
      color: { domain: SEVERITY_ORDER, range: SEVERITY_ORDER.map((s) => SEVERITY_COLOR[s]) },
      marks: [
        Plot.barX(segmentsOf(rows), Plot.stackX({ x: "n", y: (s: Segment) => rowKey(s.row), fill: "severity", order: SEVERITY_ORDER, stroke: "white", strokeWidth: 1, title: (s: Segment) => `${rowLabel(s.row)}\n${SEVERITIES[s.severity]}：${formatNumber(s.n)} 条`, ...BAR_INSET })),
        rowLabels(rows, rowKey, rowLabel),
      ],
    });
  },
};

export const checkRulesChart: ChartSpec<CheckRuleRow> = {
  id: "check-rules",
  title: "问题按规则：哪类数字最常对不上",
  note: "单位：条（括号内为涉及的报告数）。规则由提取程序定义，见方法说明。",
  csvName: "check-rules.csv",
  query: checkRules,
  fullTable: "checks",
  columns: [
    { key: "rule", label: "规则", format: (v) => `${ruleLabel(v as string)}（${String(v)}）` },
    { key: "severity", label: "严重程度", format: (v) => SEVERITIES[v as Severity] },
    { key: "n", label: "条数", format: (v) => formatNumber(v as number) },
    { key: "reports", label: "涉及报告数", format: (v) => formatNumber(v as number) },
  ],
  legend: (rows) => legendOf(new Set(rows.map((r) => r.severity))),
  render(rows, ctx) {
    const rules = [...new Set(rows.map((r) => r.rule))];
    return plot({
      ...baseOptions(ctx, rules.length, checkRulesChart.title),
      x: { label: "问题条数", grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "") },
      y: rowScale(rules),
      color: { domain: SEVERITY_ORDER, range: SEVERITY_ORDER.map((s) => SEVERITY_COLOR[s]) },
      marks: [
        Plot.barX(rows, Plot.stackX({ x: "n", y: "rule", fill: "severity", order: SEVERITY_ORDER, stroke: "white", strokeWidth: 1, title: (r: CheckRuleRow) => `${ruleLabel(r.rule)}\n${SEVERITIES[r.severity]}：${formatNumber(r.n)} 条，${formatNumber(r.reports)} 份报告`, ...BAR_INSET })),
        rowLabels(rules, (r) => r, (r) => `${ruleLabel(r)}（${r}）`),
      ],
    });
  },
};
