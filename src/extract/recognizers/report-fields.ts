/**
 * Staff numbers, total score and grade, wherever the report states them: as label/value cells of the form
 * template (人员编制 | 48 | 实有人数 | 37; 绩效自评综合得分 | 98; "评分：97 等级：优") or in prose
 * ("综合得分为97分", "等次为“优”", "实有人数26人", "10个行政编制，15个事业编制").
 */
import type { FieldCandidate, FieldName, Recognizer } from "../findings.ts";
import { valueAfter } from "../grid.ts";
import { parseAmount } from "../numbers.ts";

const LABEL_CELLS: { match: RegExp; field: FieldName }[] = [
  { match: /^(人员编制|编制数|编制人数)$/, field: "staff_authorized" },
  { match: /^(实有人数|在职人数|实际在职人数)$/, field: "staff_actual" },
  { match: /^(绩效自评综合得分|自评得分|综合得分)$/, field: "self_score" },
  { match: /^(评价等次|自评等次|评价等级)$/, field: "grade" },
];
// The labels above are at most 8 characters ("绩效自评综合得分") and end in 制, 数, 分, 次 or 级: other cells are skipped untried.
const LABEL_LENGTH = 8;
const LABEL_END = new Set([..."制数分次级"].map((c) => c.charCodeAt(0)));
const GRADE = /^(优|良|中|差|合格|不合格)$/;
const INLINE_SCORE = /(?:评分|综合得分|自评得分|总得分)(?:为|是|[:：])?\s*(\d+(?:\.\d+)?)\s*分?/;
// A score in prose says so: "综合得分为97分", "综合评分为97分", "自评得分98.5分".
const PROSE_SCORE = /综合得分|自评得分|总得分|综合评分|自评综合得分/;
const INLINE_GRADE = /(?:等级|等次)(?:为|是|[:：])?\s*[“"]?(优|良|中|差)/;
// `word` is in every match: a line without it is not searched.
// People are counted in 人 or 名 ("编制数8名").
const STAFF_PATTERNS: { re: RegExp; word: string; field: FieldName }[] = [
  // "编制数8人", "编制人数32人", "现有编制人员205人", "核定编制15名", "机关编制6名": the establishment. Not "行政编制39名",
  // one kind of post (summed with the others below).
  { re: /(?<!行政|事业|工勤|参公)编制(?:数|人数|人员|总数)?\s*(?:为|是|共)?\s*(\d+)\s*[人名]/, word: "编制", field: "staff_authorized" },
  { re: /(?:实有人数|在职人数)\s*(?:为|是)?\s*(\d+)\s*[人名]/, word: "人数", field: "staff_actual" },
  // "在职实有32人", "实有在职人员60人", "在职人员81人", "实有6人", "实有人员14名": the staff in post.
  { re: /(?:在职实有|实有在职|实有)(?:人员|人数)?\s*(?:为|是|共)?\s*(\d+)\s*[人名]/, word: "实有", field: "staff_actual" },
  { re: /(?<!其中[：:]?)在职人员\s*(?:为|是|共)?\s*(\d+)\s*[人名]/, word: "在职人员", field: "staff_actual" },
];
// The staff of another year ("2021年末实有在职人员60人" in a 2022 report) are not the year's.
const OTHER_YEAR = /((?:19|20)\d{2})\s*年/g;

const labelOf = (text: string) => (text.length <= LABEL_LENGTH && LABEL_END.has(text.charCodeAt(text.length - 1)) ? LABEL_CELLS.find((l) => l.match.test(text)) : undefined);

/** A label's value: a grade or a number, from the value cell or line after it. */
function valueOf(field: FieldName, raw: string, line: number): FieldCandidate | null {
  if (field === "grade") return GRADE.test(raw) ? { field, value: raw, line, source: "table" } : null;
  const n = parseAmount(raw);
  return n === null ? null : { field, value: n, line, source: "table" };
}

function fromCells(cells: Parameters<Recognizer["recognize"]>[0]["cells"]): FieldCandidate[] {
  const out: FieldCandidate[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const text = cell.key;
    const spec = labelOf(text);
    if (spec) {
      const next = valueAfter(cells, i);
      const found = next ? valueOf(spec.field, next.key, next.line) : null;
      if (found) out.push(found);
      continue;
    }
    // "评分：97                        等级：优"
    const score = text.startsWith("评分") && /^评分[:：]/.test(text) ? INLINE_SCORE.exec(text) : null;
    if (score?.[1]) out.push({ field: "self_score", value: Number(score[1]), line: cell.line, source: "table" });
    const grade = text.includes("等级") && /等级[:：]/.test(text) ? INLINE_GRADE.exec(text) : null;
    if (grade?.[1]) out.push({ field: "grade", value: grade[1], line: cell.line, source: "table" });
  }
  return out;
}

const MENTIONS = /得分|评分|等次|等级|编制|人数|人员|在职/;

/** Does the sentence around offset `at` of `text` name a year other than the one evaluated? */
function ofOtherYear(text: string, at: number, fiscalYear: number): boolean {
  const from = Math.max(text.lastIndexOf("。", at), text.lastIndexOf("；", at), text.lastIndexOf(";", at)) + 1;
  return [...text.slice(from, at).matchAll(OTHER_YEAR)].some((m) => Number(m[1]) !== fiscalYear);
}

function fromProse(lines: Parameters<Recognizer["recognize"]>[0]["lines"], fiscalYear: number): FieldCandidate[] {
  const out: FieldCandidate[] = [];
  for (const line of lines) {
    if (line.raw.startsWith("\t") || !MENTIONS.test(line.text)) continue;
    const t = line.text;
    const score = PROSE_SCORE.test(t) ? INLINE_SCORE.exec(t) : null;
    if (score?.[1] && /分/.test(t)) out.push({ field: "self_score", value: Number(score[1]), line: line.n, source: "narrative" });
    const grade = /评价|自评/.test(t) ? INLINE_GRADE.exec(t) : null;
    if (grade?.[1]) out.push({ field: "grade", value: grade[1], line: line.n, source: "narrative" });
    for (const { re, word, field } of STAFF_PATTERNS) {
      const m = t.includes(word) ? re.exec(t) : null;
      const value = m?.slice(1).find((g) => g !== undefined);
      if (m && value && !ofOtherYear(t, m.index, fiscalYear)) out.push({ field, value: Number(value), line: line.n, source: "narrative" });
    }
    // "现有10个行政编制，15个事业编制。本年末实有行政人员10人，事业人员13人。"
    // "行政编制39名…事业编制5名", "行政编制25人、参公编制20人": the number after the kind.
    const posts = t.includes("编制") ? [...t.matchAll(/(\d+)\s*个?(?:行政|事业|工勤)编制|(?:行政|事业|工勤|参公)编制\s*(\d+)\s*(?:名|人|个)/g)].map((m) => Number(m[1] ?? m[2])) : [];
    if (posts.length > 0 && !/编制数/.test(t)) out.push({ field: "staff_authorized", value: posts.reduce((a, b) => a + b, 0), line: line.n, source: "narrative" });
    const people = /实有/.test(t) ? [...t.matchAll(/(?:行政|事业|工勤)人员\s*(\d+)\s*人/g)].map((m) => Number(m[1])) : [];
    if (people.length > 0) out.push({ field: "staff_actual", value: people.reduce((a, b) => a + b, 0), line: line.n, source: "narrative" });
  }
  return out;
}

/**
 * A form copied out of a web page one cell a line, blank lines between (湘阴, 岳阳 城管: "人员编制" / "" / "55"):
 * a label alone on its line and its value alone on the next line that is not blank.
 */
function fromLabelLines(lines: Parameters<Recognizer["recognize"]>[0]["lines"]): FieldCandidate[] {
  const out: FieldCandidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.raw.startsWith("\t") || line.text === "") continue;
    const spec = labelOf(line.text.replace(/\s+/g, ""));
    if (!spec) continue;
    let k = i + 1;
    while (k < lines.length && k <= i + 3 && lines[k]!.text === "") k += 1;
    const next = lines[k];
    const found = next && !next.raw.startsWith("\t") ? valueOf(spec.field, next.text, next.n) : null;
    if (found) out.push(found);
  }
  return out;
}

export const reportFields: Recognizer = {
  part: "report_fields",
  recognize(ctx) {
    const fields = [...fromCells(ctx.cells), ...fromLabelLines(ctx.lines), ...fromProse(ctx.lines, ctx.fiscalYear)];
    return fields.length > 0 ? { fields } : null;
  },
};
