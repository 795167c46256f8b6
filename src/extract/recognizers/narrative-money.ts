/**
 * Money figures stated in prose (洪江, 岳阳, 沅江 and the 综述 of the form template): which figure a label names,
 * budget or actual (announced once, then carried through the paragraph), for which year, and whether the
 * statement covers all funds or one funding source ("财政拨款基本支出").
 */
import { isProjectKind } from "../report-kind.ts";
import type { Basis, Metric } from "../../schema/vocab.ts";
import type { FactCandidate, Findings, Note, Recognizer } from "../findings.ts";
import type { Line } from "../lines.ts";
import { toWan } from "../money-unit.ts";
import { show, sum } from "../numbers.ts";
import type { MoneyTerm } from "../narrative-terms.ts";
import { basisMarker, isPureBasis, metricOf, moneyTerms, yearIn } from "../narrative-terms.ts";

const FUND_SCOPE = /财政拨款|一般公共预算/;
const ITEM = /[（(][款项][)）]/;
const RATE = /预算执行率(?:为|达到?|是)?\s*(\d+(?:\.\d+)?)\s*[%％]/;

/** Reads one prose line into fact candidates. */
export function lineFacts(line: Line, fiscalYear: number, terms: readonly MoneyTerm[] = moneyTerms(line.text)): { facts: FactCandidate[]; notes: Note[] } {
  const facts: FactCandidate[] = [];
  const notes: Note[] = [];
  const sangong = /三公/.test(line.text);
  let basis: Basis = "actual";
  let fundScope = false;
  const subject: { metric: Metric | null; sentence: number } = { metric: null, sentence: -1 };
  let wages: FactCandidate | null = null;
  let household: FactCandidate | null = null;
  // What the sentence has said so far (a year, a funding source), read once as the terms advance.
  let lastSentence = -1;
  let scanned = 0;
  let sentenceYear: number | null = null;
  let sentenceFund = false;
  for (const term of terms) {
    if (term.sentence !== lastSentence) {
      lastSentence = term.sentence;
      scanned = Math.max(line.text.lastIndexOf("。", term.at), line.text.lastIndexOf("；", term.at)) + 1;
      sentenceYear = null;
      sentenceFund = false;
    }
    const before = line.text.slice(scanned, term.at);
    scanned = term.at;
    sentenceYear = yearIn(before, fiscalYear) ?? sentenceYear;
    sentenceFund ||= FUND_SCOPE.test(before);
    basis = basisMarker(term.label) ?? basis;
    const year = yearIn(term.label, fiscalYear) ?? sentenceYear ?? fiscalYear;
    let metric = metricOf(term.label, sangong);
    if (!metric && isPureBasis(term.label) && subject.sentence === term.sentence) metric = subject.metric;
    const label = term.label.replace(/\s+/g, "");
    if (!metric) {
      // 工资福利支出 + 对个人和家庭的补助 make up 人员经费 where a report prints only those two.
      const part = /^工资福利支出/.test(label) ? "wages" : /^对个人和家庭(的)?补助(支出)?$/.test(label) ? "household" : null;
      if (part && term.unit === "万元") {
        const c: FactCandidate = { metric: "spend_personnel", basis, year, value: term.value, unit: "万元", line: line.n, source: "narrative", scope: fundScope ? "fund" : "all" };
        if (part === "wages") wages = c;
        else household = c;
      }
      continue;
    }
    subject.metric = metric;
    subject.sentence = term.sentence;
    if (metric.startsWith("spend_") && sentenceFund) fundScope = true;
    if (term.unit === "元") {
      notes.push({
        rule: "unit_suspect",
        severity: "warning",
        metrics: metric,
        message: `第${line.n}行“${label}”印为${term.value}${term.unit}，而报告金额均以万元计；此数未采用，请核对原文单位。`,
        line: line.n,
      });
      continue;
    }
    const scope = metric.startsWith("spend_") && fundScope ? "fund" : "all";
    // 亿元 is a unit like 万元 (a large department's "支出合计3.2亿元"), not a misprint: converted, and said so.
    const value = toWan(term.value, term.unit);
    if (term.unit === "亿元") {
      notes.push({ rule: "unit_converted", severity: "info", metrics: metric, message: `第${line.n}行“${label}”印为${term.value}亿元，按${show(value)}万元发布。`, line: line.n });
    }
    facts.push({ metric, basis, year, value, unit: "万元", line: line.n, source: "narrative", scope });
  }
  if (wages && household && !facts.some((f) => f.metric === "spend_personnel")) {
    const value = sum([wages.value, household.value]);
    facts.push({ ...wages, value });
    // The published figure is not printed anywhere: say so, so a reader who follows the source link is not misled.
    notes.push({
      rule: "derived_value",
      severity: "info",
      metrics: "spend_personnel",
      message: `人员经费${show(value)}万元未直接印出，由第${line.n}行工资福利支出${show(wages.value)}万元与对个人和家庭补助${show(household.value)}万元相加得出。`,
      line: line.n,
    });
  }
  for (const m of line.text.matchAll(/\d+\.{2,}\d+\s*万元/g)) {
    notes.push({ rule: "number_misprint", severity: "warning", metrics: "breakdown", message: `第${line.n}行印有“${m[0]}”，不是有效数字，未采用。`, line: line.n });
  }
  const rate = RATE.exec(line.text);
  if (rate?.[1]) facts.push({ metric: "execution_rate", basis: "actual", year: fiscalYear, value: Number(rate[1]), unit: "%", line: line.n, source: "narrative", scope: "all" });
  return { facts, notes };
}

export const narrativeMoney: Recognizer = {
  part: "narrative",
  recognize(ctx) {
    if (isProjectKind(ctx.kind)) return null;
    const out: Pick<Findings, "facts" | "notes"> = { facts: [], notes: [] };
    for (const { line, terms } of ctx.prose) {
      // A paragraph about one budget item ("…财政事务（款）行政运行（项）。…年初预算为1560.05万元，支出决算为1511.89万元")
      // states that item's figures, never the department's.
      if (ITEM.test(line.text)) continue;
      const found = lineFacts(line, ctx.fiscalYear, terms);
      out.facts.push(...found.facts);
      out.notes.push(...found.notes);
    }
    return out.facts.length > 0 || out.notes.length > 0 ? out : null;
  },
};
