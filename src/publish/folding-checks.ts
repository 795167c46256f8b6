/**
 * What a reader did to a report's text, said as checks so nobody is misled: what it folded (src/readers/fold-text.ts),
 * and whether the text was read from page images by OCR (src/readers/pdf/ocr.ts). Pure.
 */
import type { ExtractedReport } from "../extract/report.ts";
import type { DocumentText } from "../readers/types.ts";
import { UNCERTAIN_OCR, type CheckRow } from "../schema/tables.ts";
import { BASES, METRICS } from "../schema/vocab.ts";

export function foldingChecks(reportId: string, folded: DocumentText["folded"]): CheckRow[] {
  if (!folded) return [];
  const check = (rule: string, severity: CheckRow["severity"], message: string): CheckRow => ({ report_id: reportId, rule, severity, metrics: "source_text", message, source_line: null });
  const out: CheckRow[] = [];
  if (folded.radicals > 0) out.push(check("radicals_folded", "info", `文字层中 ${folded.radicals} 个部首字符（如“⼯”）按 Unicode 对照换成了通用汉字（“工”）后识别`));
  if (folded.traditional > 0) out.push(check("traditional_converted", "info", `原文为繁体字：${folded.traditional} 个字转换为简体后识别（OpenCC）`));
  if (folded.pinyin > 0) out.push(check("pinyin_removed", "warning", `原文有 ${folded.pinyin} 处汉字后插入的拼音（如“内(nèi)”，转载网站留下的损坏），去除后识别`));
  return out;
}

/** A scan's text came from OCR: every figure of the report was recognised from an image, not read from text. */
export function ocrChecks(reportId: string, ocr: DocumentText["ocr"]): CheckRow[] {
  if (!ocr) return [];
  return [{
    report_id: reportId,
    rule: "ocr_text",
    severity: "warning",
    metrics: "source_text",
    message: `${ocr.runs > 0 ? `文字层部分字体未映射到文字：${ocr.pages} 页上这些字体的 ${ocr.runs} 段文字按页面图像` : ocr.unmappedText ? `文字层无法使用（字体未映射到文字）：${ocr.pages} 页按页面图像` : `扫描件：${ocr.pages} 页文字`}由 OCR 识别（${ocr.engine}，平均置信度 ${ocr.confidence}%），数字可能识读有误，请以原件核对`,
    source_line: null,
  }];
}

/** The line columns a row's values stand on (an indicator's target, result, weight and score have their own). */
type Lines = { source_line: number | null; target_line?: number | null; actual_line?: number | null; weight_line?: number | null; score_line?: number | null };

/**
 * A row's lowest OCR confidence over its values' lines, to one decimal; null when none was read by OCR. A money
 * figure (facts, projects) is as sure as the words printing figures on its line: a label misread would not have
 * been recognised. An indicator's texts are published as read, so every word of its cells counts.
 */
export function rowConfidence(row: Lines, lines: NonNullable<DocumentText["ocr"]>["lines"] | undefined, figure: boolean): number | null {
  if (!lines) return null;
  let low: number | null = null;
  for (const n of [row.source_line, row.target_line, row.actual_line, row.weight_line, row.score_line]) {
    if (n === null || n === undefined) continue;
    const c = (figure ? lines.figures[n - 1] : null) ?? lines.words[n - 1] ?? null;
    if (c !== null && (low === null || c < low)) low = c;
  }
  return low === null ? null : Math.round(low * 10) / 10;
}

/**
 * Every fact, indicator and project whose values OCR read below UNCERTAIN_OCR: an error check on that row's line.
 * On the seed scans every wrong figure or comparator read (1009% for 100%, 袜95% for ⩾95%) had a word below it.
 */
export function ocrRowChecks(extracted: Pick<ExtractedReport, "facts" | "indicators" | "projects">, ocr: DocumentText["ocr"]): CheckRow[] {
  if (!ocr) return [];
  const out: CheckRow[] = [];
  const flag = (reportId: string, row: Lines, figure: boolean, metrics: string, what: string) => {
    const conf = rowConfidence(row, ocr.lines, figure);
    if (conf === null || conf >= UNCERTAIN_OCR) return;
    out.push({
      report_id: reportId,
      rule: "ocr_uncertain",
      severity: "error",
      metrics,
      message: `扫描件 OCR 识别置信度仅 ${conf}%：${what} 可能识读有误，请以原件核对`,
      source_line: row.source_line,
    });
  };
  // The basis is named: a 0 budget and a 0 result on one line are two rows, each with its own check.
  for (const f of extracted.facts) flag(f.report_id, f, true, f.metric, `${METRICS[f.metric]}（${f.year}年${BASES[f.basis]}）${f.value}${f.unit}`);
  for (const i of extracted.indicators) flag(i.report_id, i, false, "indicator", `指标“${i.name}”（${i.target_text} → ${i.actual_text}）`);
  for (const p of extracted.projects) flag(p.report_id, p, true, "project", `项目“${p.name}” ${p.amount}万元`);
  return out;
}
