/** What kind of document a text is (README: "Document kinds"): from its title, else from what it holds. */
import type { ReportKind } from "../schema/vocab.ts";
import type { Line } from "./lines.ts";
import { squash } from "./lines.ts";

/** The title and a web page's furniture stand in a text's first lines. */
const HEADING_LINES = 12;
const HEADING_LENGTH = 80;
// A web page's publishing line names the page, not the document ("…项目支出绩效自评" as a page title is fine, a
// breadcrumb "首页 > 通知公告 > 部门整体支出…" too); a cited document (《…》) is another document.
const CITED = /《[^》]*》/g;

const OVERALL = /整体支出|整体绩效|机关整体|部门整体|部门评价|部门绩效|单位整体/;
const PROJECT = /项目支出绩效|项目绩效|专项资金绩效|专项经费绩效|项目支出.{0,4}自评|项目.{0,12}(?:绩效)?自评/;
const SHEET = /(?:自评|评价)表(?:\.\w+)?$|(?:自评|评价)表[（(]/;
const FINAL_ACCOUNTS = /部门决算|单位决算/;
const BUDGET = /部门预算|单位预算/;
// A numbered line is a heading inside the text or a table of contents' entry ("十二、部门整体支出绩效自评表" in a
// 决算's contents): it names a part, not the document, so it counts only as a project's opening.
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+部分)/;
const NAMES_KIND = new RegExp([OVERALL, PROJECT, SHEET, FINAL_ACCOUNTS, BUDGET].map((r) => r.source).join("|"));
// The opening of a project's own report: "一、项目概况", "项目基本情况", "专项工作经费".
const PROJECT_OPENING = /^(?:[一二三四五六七八九十]+、)?项目(?:基本)?(?:概况|情况)|专项(?:工作)?(?:资金|经费)/;

/**
 * The kind a text's heading names: 整体 before 项目 (a 部门整体支出及项目支出绩效评价报告 is an overall report),
 * 项目 before 部门预算 (Sichuan's 部门预算项目支出绩效自评表 is a project sheet), a 决算 or 预算 without 绩效.
 * Else the kind of the parts it holds: a 决算's tables, a project sheet, a project's opening. Numbered lines (a table
 * of contents) count only where no other heading line names a kind.
 */
export function reportKind(lines: readonly Line[], parts: readonly string[]): ReportKind {
  const first: string[] = [];
  for (const l of lines) {
    if (first.length >= HEADING_LINES) break;
    if (l.text !== "" && l.text.length <= HEADING_LENGTH) first.push(squash(l.text).replace(CITED, ""));
  }
  const titles = first.filter((h) => !NUMBERED.test(h));
  return headingKind(titles.some((h) => NAMES_KIND.test(h)) ? titles : first, parts) ?? (first.some((h) => PROJECT_OPENING.test(h)) ? "project_report" : "overall");
}

/** The kind the heading lines name, else the kind of the parts the text holds. */
function headingKind(heading: readonly string[], parts: readonly string[]): ReportKind | null {
  if (heading.some((h) => OVERALL.test(h))) return "overall";
  const project = heading.find((h) => PROJECT.test(h));
  if (project !== undefined) return heading.some((h) => PROJECT.test(h) && SHEET.test(h)) || (!/报告/.test(project) && parts.includes("evaluation_sheets")) ? "project_sheet" : "project_report";
  if (heading.some((h) => SHEET.test(h) && /项目/.test(h))) return "project_sheet";
  if (heading.some((h) => FINAL_ACCOUNTS.test(h) && !/绩效/.test(h))) return "final_accounts";
  if (heading.some((h) => BUDGET.test(h) && !/绩效/.test(h))) return "budget";
  if (parts.some((p) => p.startsWith("accounts_"))) return "final_accounts";
  return null;
}

/** A project's sheet or report: its amounts are the project's, never the department's. */
export const isProjectKind = (kind: ReportKind) => kind === "project_sheet" || kind === "project_report";
