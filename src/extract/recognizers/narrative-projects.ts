/**
 * Project lists in prose: "2024年度项目支出289.64万元。分别为：A5万元，B22.26万元…" (洪江) or
 * "市级专项资金2123.53万元…其中：A137万元，主要用于委托业务费137万元，B85万元，主要用于…" (吉首).
 * Where items are followed by "主要用于", only those are projects; the rest are what the money was spent on.
 */
import { isProjectKind } from "../report-kind.ts";
import type { Findings, ProjectCandidate, Recognizer } from "../findings.ts";

const LIST_HEAD = /(项目支出|项目资金|专项资金|专项经费)(情况)?(为|是|共计?|合计)?$/;
const USED_FOR = /^\s*[，,]?\s*主要用于/;
const LEAD = /^(分别为|其中|包括|主要有|具体为)[:：，,]?/;
// A list without its total: "项目支出包括委员活动经费36.3万元，扫黑除恶工作经费1万元，…" (南县政协).
const LIST_OPEN = /^(?:项目支出|项目资金|专项资金|专项经费)(?:主要)?(?:包括|包含|有)[:：]?(.+)$/;

export const narrativeProjects: Recognizer = {
  part: "narrative_projects",
  recognize(ctx) {
    if (isProjectKind(ctx.kind)) return null;
    const out: Pick<Findings, "projects" | "sums"> = { projects: [], sums: [] };
    for (const { line, terms: all } of ctx.prose) {
      const terms = all.filter((t) => t.unit === "万元");
      const [head, ...rest] = terms;
      const opened = head ? LIST_OPEN.exec(head.label.replace(/\s+/g, "")) : null;
      if (head && opened?.[1] && rest.length >= 1) {
        // Items only, the first named after 包括; no total to check them against.
        const sentence = head.sentence;
        const items = [{ ...head, label: opened[1] }, ...rest.filter((t) => t.sentence === sentence)];
        out.projects.push(...items.map((t) => ({ name: t.label.trim(), amount: t.value, basis: "actual" as const, year: ctx.fiscalYear, line: line.n })));
        continue;
      }
      if (!head || rest.length < 2 || !LIST_HEAD.test(head.label.replace(/\s+/g, ""))) continue;
      const usedFor = rest.some((t) => USED_FOR.test(line.text.slice(t.end)));
      const items = rest.filter((t) => !usedFor || USED_FOR.test(line.text.slice(t.end)));
      const projects: ProjectCandidate[] = items.map((t) => ({
        name: t.label.replace(LEAD, "").trim(),
        amount: t.value,
        basis: "actual",
        year: ctx.fiscalYear,
        line: line.n,
      }));
      out.projects.push(...projects);
      out.sums.push({
        rule: "items_sum",
        metrics: "spend_project",
        what: `第${line.n}行所列各项目金额`,
        total: { label: head.label, value: head.value, line: line.n },
        parts: projects.map((p) => ({ label: p.name, value: p.amount, line: p.line })),
      });
    }
    return out.projects.length > 0 ? out : null;
  },
};
