/**
 * A project's own report in prose (项目支出绩效自评报告): the project's amount as its opening states it
 * ("同意向扬子洲镇拨付2017年防汛工作相关经费110.56万元，其中：…", "项目资金总额50万元", "实际支出48.6万元").
 * The items after 其中 are its breakdown (checked by narrative-breakdowns), not projects of their own.
 */
import type { Basis } from "../../schema/vocab.ts";
import type { ProjectCandidate, Recognizer } from "../findings.ts";

// What names the project's money: "…经费", "…资金", "…项目", "…款".
const FUNDS = /(?:经费|资金|项目|专款)(?:总额|合计|共计|为|共)?$/;
const ALLOCATED = /拨付|下拨|下达|安排|预算|批复|到位|落实|总投资|总额/;
const SPENT = /支出|支付|使用|执行|实际|完成投资/;
// The words before the project's name: "同意向扬子洲镇拨付2017年", "区财政安排", "用于".
const LEAD = /^.*?(?:拨付|下拨|下达|安排|批复|落实|用于|获得|争取)(?:了)?/;
const YEAR = /^(?:(?:19|20)\d{2}\s*年度?)/;
const TRAIL = /(?:总额|合计|共计|为|共)+$/;
// A count of projects: the sentence totals several ("实施项目共15个…年初批复预算8个项目985万元"), no one project's money.
const SEVERAL = /[2-9]个项目|\d{2,}个项目|项目共\d+个/;
/** A project's report states its money in its opening paragraphs. */
const OPENING_LINES = 60;

/** The project's name from the words that state its amount ("同意向扬子洲镇拨付2017年防汛工作相关经费" → 防汛工作相关经费). */
function projectName(label: string): string {
  return label.replace(/\s+/g, "").replace(LEAD, "").replace(YEAR, "").replace(TRAIL, "");
}

export const projectProse: Recognizer = {
  part: "project_prose",
  recognize(ctx) {
    if (ctx.kind !== "project_report") return null;
    const projects: ProjectCandidate[] = [];
    const seen = new Set<string>();
    for (const { line, terms } of ctx.prose) {
      if (line.n > OPENING_LINES) break;
      for (const t of terms) {
        if (t.unit !== "万元") continue;
        // Items after 其中 or 包括 break the amount down.
        const before = line.text.slice(0, t.at);
        const sentence = before.slice(Math.max(before.lastIndexOf("。"), before.lastIndexOf("；")) + 1);
        if (/其中|包括|分别/.test(sentence) || SEVERAL.test(sentence)) continue;
        const label = t.label.replace(/\s+/g, "");
        if (!FUNDS.test(label)) continue;
        const basis: Basis | null = SPENT.test(label) ? "actual" : ALLOCATED.test(label) ? "budget" : null;
        const name = projectName(label);
        if (basis === null || name.length < 2 || seen.has(`${name}|${basis}`)) continue;
        seen.add(`${name}|${basis}`);
        projects.push({ name, amount: t.value, basis, year: ctx.fiscalYear, line: line.n });
      }
    }
    return projects.length > 0 ? { projects } : null;
  },
};
