/**
 * 附件1 部门整体支出绩效评价基础数据表: staff (编制数 / 实际在职人数) and one row per cost item with three
 * columns, e.g. 2023年决算数 / 2024年预算数 / 2024年决算数. Prior-year and budget columns become their own facts.
 */
import type { Basis, Metric } from "../../schema/vocab.ts";
import type { FactCandidate, FieldCandidate, Findings, ProjectCandidate, Recognizer, ReportContext, SumClaim, Term } from "../findings.ts";
import { filled, findCell, rowsFrom } from "../grid.ts";
import type { Cell } from "../lines.ts";
import { tableUnit, toWan, unitConvertedNote } from "../money-unit.ts";
import { parseAmount } from "../numbers.ts";

interface MoneyColumn {
  basis: Basis;
  year: number;
  label: string;
}

/** "2023年决算数" → actual 2023; "本年预算数" → budget of the fiscal year; "上年决算数" → actual of the year before. */
export function moneyColumn(label: string, fiscalYear: number): MoneyColumn | null {
  const basis: Basis | null = /决算|执行|实际/.test(label) ? "actual" : /预算/.test(label) ? "budget" : null;
  if (!basis) return null;
  const year = /((?:19|20)\d{2})/.exec(label)?.[1];
  return { basis, year: year ? Number(year) : /上年/.test(label) ? fiscalYear - 1 : fiscalYear, label };
}

type Section = "sangong" | "project" | "public" | "other";

// prettier-ignore
const ROWS: { match: RegExp; metric: Metric; section: Section }[] = [
  { match: /^[“"]?三公[”"]?经费(合计)?[:：]?$/, metric: "sangong_total", section: "sangong" },
  { match: /公务用车购置(和|及)(运行)?维护/, metric: "sangong_vehicle", section: "sangong" },
  { match: /公车购置|公务用车购置/, metric: "sangong_vehicle_purchase", section: "sangong" },
  { match: /公车运行|运行维护/, metric: "sangong_vehicle_operation", section: "sangong" },
  { match: /出国/, metric: "sangong_abroad", section: "sangong" },
  { match: /公务接待/, metric: "sangong_reception", section: "sangong" },
  { match: /^项目支出[:：]?$/, metric: "spend_project", section: "project" },
  { match: /^公用经费[:：]?$/, metric: "spend_public", section: "public" },
  { match: /^政府采购金额/, metric: "procurement", section: "other" },
];
const END = /^(楼堂馆所|厉行节约|说明)/;
const NUMBERED = /^\d+\s*[、.．]\s*/;
const PARTIAL = /^其中[:：]/;
// Template instructions in a row label, e.g. "市级专项资金（一个专项一行）".
const INSTRUCTION = /[（(][^）)]*(?:一行|填报|一个)[^）)]*[）)]/g;

/** Cleans a cost-item label into a name: "3、市级专项资金（一个专项一行）" → "市级专项资金". */
export function itemName(label: string): string {
  return label.replace(PARTIAL, "").replace(NUMBERED, "").replace(INSTRUCTION, "").replace(/[:：]$/, "").trim();
}

function staff(ctx: ReportContext): FieldCandidate[] {
  const at = findCell(ctx.cells, /^财政供养人员情况/);
  if (at < 0) return [];
  const [header = [], values = []] = rowsFrom(ctx.cells, at);
  const out: FieldCandidate[] = [];
  header.forEach((h, i) => {
    const cell = values[i + values.length - header.length];
    const n = cell ? parseAmount(cell.text) : null;
    if (!cell || n === null) return;
    const label = h.key;
    if (/编制数/.test(label)) out.push({ field: "staff_authorized", value: n, line: cell.line, source: "table" });
    else if (/在职人数|实有人数/.test(label)) out.push({ field: "staff_actual", value: n, line: cell.line, source: "table" });
  });
  return out;
}

interface Item {
  name: string;
  numbered: boolean;
  terms: (Term | null)[];
}

/** Items against their total row; where the total row is blank, against the report's figure for that metric. */
function itemSums(what: string, metric: Metric | "project", total: (Term | null)[], items: Item[], columns: MoneyColumn[]): SumClaim[] {
  return columns.flatMap((col, i) => {
    const parts = items.flatMap((it) => (it.terms[i] ? [it.terms[i]] : []));
    const t = total[i] ?? (metric === "project" ? null : { metric, basis: col.basis, year: col.year });
    return t && parts.length > 0 ? [{ rule: "items_sum", metrics: metric, what: `${what}（${col.label}）`, total: t, parts }] : [];
  });
}

function money(ctx: ReportContext): Partial<Findings> | null {
  const at = findCell(ctx.cells, /^经费控制情况/);
  if (at < 0) return null;
  const [header = [], ...rows] = rowsFrom(ctx.cells, at);
  const columns = header.slice(1).flatMap((c) => moneyColumn(c.key, ctx.fiscalYear) ?? []);
  const stated = tableUnit(ctx, at, at + header.length);
  const unit = stated?.unit ?? "万元";
  const facts: FactCandidate[] = [];
  const projects: ProjectCandidate[] = [];
  const sums: SumClaim[] = [];
  let section: Section = "other";
  let sectionTotal: (Term | null)[] = [];
  let sectionLabel = "";
  let items: Item[] = [];
  let children: Item[] = [];
  let parent: Item | null = null;

  const closeChildren = () => {
    if (parent && children.length > 0) sums.push(...itemSums(`“${parent.name}”下列明细`, "project", parent.terms, children, columns));
    children = [];
  };
  const closeSection = () => {
    closeChildren();
    // Only a numbered list claims to be complete; "其中：" lists a selection.
    const listed = items.filter((it) => it.numbered);
    if (section === "project" || section === "public") {
      sums.push(...itemSums(`${sectionLabel}明细`, section === "project" ? "spend_project" : "spend_public", sectionTotal, listed, columns));
    }
    items = [];
    parent = null;
  };

  for (const row of rows) {
    const label = (row[0]?.key ?? "");
    if (label === "" || END.test(label)) break;
    const values = row.slice(1, 1 + columns.length);
    const terms = columns.map((_, i): Term | null => {
      const cell: Cell | undefined = values[i];
      const v = cell ? parseAmount(cell.text) : null;
      return cell && v !== null ? { label, value: toWan(v, unit), line: cell.line } : null;
    });
    const known = ROWS.find((r) => r.match.test(label));
    if (known && (known.section !== "sangong" || section === "sangong" || known.metric === "sangong_total")) {
      if (known.section !== section || known.metric === "spend_project" || known.metric === "spend_public") closeSection();
      section = known.section;
      if (known.metric === "spend_project" || known.metric === "spend_public") {
        sectionTotal = terms;
        sectionLabel = itemName(label);
      }
      terms.forEach((t, i) => {
        const col = columns[i];
        if (t && col) facts.push({ metric: known.metric, basis: col.basis, year: col.year, value: t.value, unit: "万元", line: t.line, source: "table", scope: "all" });
      });
      continue;
    }
    if (section !== "project" && section !== "public") continue;
    const item: Item = { name: itemName(label), numbered: NUMBERED.test(label), terms };
    if (item.numbered) {
      closeChildren();
      items.push(item);
      parent = item;
    } else if (parent && section === "project") {
      children.push(item);
    } else {
      // "其中：办公经费" and the rows after it are a selection, not sub-items of a numbered row.
      closeChildren();
      parent = null;
      items.push(item);
    }
    if (section === "project") {
      terms.forEach((t, i) => {
        const col = columns[i];
        if (t && col) projects.push({ name: item.name, amount: t.value, basis: col.basis, year: col.year, line: t.line });
      });
    }
  }
  closeSection();
  if (filled(header).length === 0) return null;
  const converted = stated && unit !== "万元" && (facts.length > 0 || projects.length > 0);
  const notes = converted ? [unitConvertedNote(stated, "经费控制情况表", [...new Set(facts.map((f) => f.metric))].join(",") || "project")] : [];
  return { facts, projects, sums, notes };
}

export const baseDataTable: Recognizer = {
  part: "base_data_table",
  recognize(ctx) {
    const fields = staff(ctx);
    const found = money(ctx);
    if (!found && fields.length === 0) return null;
    return { ...found, fields };
  },
};
