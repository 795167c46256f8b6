/**
 * What a reader did to a report's text, said as checks so nobody is misled: what it folded (src/readers/fold-text.ts),
 * and whether the text was read from page images by OCR (src/readers/pdf/ocr.ts). Pure.
 */
import type { DocumentText } from "../readers/types.ts";
import type { CheckRow } from "../schema/tables.ts";

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
    message: `扫描件：${ocr.pages} 页文字由 OCR 识别（${ocr.engine}，平均置信度 ${ocr.confidence}%），数字可能识读有误，请以原件核对`,
    source_line: null,
  }];
}
