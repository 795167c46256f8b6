/** Who and when: department, its county and the fiscal year evaluated, all read from the text. */
import { ParseError } from "./errors.ts";
import type { ReportIdentity } from "./findings.ts";
import type { Cell, Line } from "./lines.ts";
import { squash, toCells } from "./lines.ts";
import { ORG_LAST, orgNamesIn } from "./org-names.ts";
import { placeAtStart, firstPlaceIn } from "./place.ts";
import { reportKind } from "./report-kind.ts";
import { REPORT_KINDS } from "../schema/vocab.ts";

const ORG_END = "(?:局|委员会|委|办公室|办|中心|院|馆|站|所|队|部|会|厅|处|社|政府|室|校|学|园|团|场|台|政协|镇|乡|街道)";
// "部门(单位)名称  临湘市科技和工业信息化局", "部门名称：岳阳市科学技术局", "填报单位：洪江市工业和信息化局"
const LABELLED = new RegExp(`(?:部门|单位|预算部门)[（(]?(?:单位)?[)）]?名称[（(]?(?:盖章)?[)）]?[:：]?\\s*(\\S.*?${ORG_END})\\s*$|填报单位[:：]\\s*(\\S.*?${ORG_END})\\s*$`);
// "2024年度岳阳市科学技术局部门整体支出", "吉首市科工信局2022年度部门整体支出", "2024年度洪江市工业和信息化局", "2024年…"
// "关于衡阳县农业农村局2024年度部门整体支出绩效自评情况的报告", "衡阳县农业农村局关于2024年度…的报告"
const TITLE = new RegExp(`^(?:关于)?(?:20\\d{2}年度?)?(.+?${ORG_END})(?:关于)?(?:20\\d{2}年度?)?(?:部门|单位)?(?:整体支出|$)`);
// A title's subject on a line of its own, in brackets: "2024年度部门整体支出绩效自评报告" / "（衡阳县农业农村局）".
const BRACKETED = new RegExp(`^[（(](.{2,30}${ORG_END})[)）]$`);
const STANDALONE = new RegExp(`^(.{2,30}${ORG_END})$`);
const FISCAL_YEAR = /((?:19|20)\d{2})\s*年度/;
// A title's year said without 度 ("2024年部门整体支出绩效自评报告"); "2025年3月" is a date, not the year evaluated.
const TITLE_YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
// Or without 年 at all: "…指挥中心2018绩效评价自评报告".
const BARE_YEAR = /((?:19|20)\d{2})(?=\s*(?:绩效|部门|整体|机关|项目|预算|决算))/;
const TITLE_WORDS = /绩效|自评|整体支出|决算|预算|评价/;
// Where a body line names the year of its figures ("2021年部门决算收支完成情况", "对2021年专项工作经费绩效情况…").
const BODY_YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(?=[^，。；]{0,12}(?:决算|预算|绩效|经费|支出|收支|资金))/;
// A web page's publishing line and a report's dates: the year they print is when it was published, never the year evaluated.
const DATE_LINE = /发布时间|发布日期|发文日期|生成日期|成文日期|报告日期|印发日期|填报日期|浏览|阅读[:：]|来源[:：]/;
/** The title is among a report's first lines; a year there outranks the body's first "…年度" ("与2023年度相比"). */
const TITLE_LINES = 10;
const TITLE_LENGTH = 60;
// Label cells whose next cell is the department: the national 自评表 prints 主管部门 where Hunan's prints 预算部门名称;
// a project sheet names its 实施单位 (where its 主管部门 cell is left empty).
const LABEL_CELLS = /^(?:市级)?预算部门名称$|^部门[（(]单位[)）]名称$|^主管部门$|^实施单位$/;
// The template's headings name the department: "第一部分 洪江市交通运输综合行政执法大队概况", "…2024年度部门决算表".
const TEMPLATE_HEADING = /概况$|部门决算|部门预算/;
// A body statement names the department with what was evaluated: "对南县财政局2020年度机关整体支出开展了绩效评价".
const STATEMENT_AFTER = /^\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:部门|单位|机关)?(?:整体|项目|预算|决算|绩效)/;
// A web page's publisher fields and its site name: the body that published the page.
const PUBLISHER = /(?:来源|信息来源|发布机构|发布单位|发文机关|作者)[:：]\s*\|?\s*([^\s|【】]+)|欢迎(?:来到|访问)([^\s!！,，]+?)(?:网站|网)/g;
// "**河县", "××县": a place masked by the copy; "上海市XX局": a template's placeholder.
const MASKED = /(?:[*＊×]{1,4}|[XＸ]{2,})[\u3400-\u9fff]{0,3}(?:省|市|县|区|州|旗)/;
const PLACEHOLDER_MARK = /XX|ＸＸ|××|\*\*/;
const PLACEHOLDER = /[\u3400-\u9fff]{2,8}(?:省|市|县|区)(?:XX|ＸＸ|××|\*\*)+[\u3400-\u9fff]{0,6}?(?:局|委|办|中心|院|部|会)/;
// How a text refers to its own body when it never names its county: "我办", "本局", "县财政局".
const SELF_REFERENCE = /(?:我|本)(?:局|委|办|院|中心|单位|部门|镇|乡|馆|站|所|队)|(?<![\u3400-\u9fff])县[\u3400-\u9fff]{1,10}?(?:局|委|办|政协)/;

const BARE_BODY = new RegExp(`^[\u3400-\u9fff]{2,10}${ORG_END}$`);

/** Is `short` an abbreviation of `long`: same first and last characters, and its characters in order (科工信局 ⊂ 科技和工业信息化局)? */
export function abbreviates(short: string, long: string): boolean {
  if (short.length >= long.length || short.at(-1) !== long.at(-1)) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i += 1;
  return i === short.length;
}

/** The first non-empty lines: a report's title is among them (and a web page's furniture). */
function headingOf(lines: readonly Line[]): Line[] {
  const heading: Line[] = [];
  for (let i = 0; i < lines.length && heading.length <= TITLE_LINES; i++) if (lines[i]!.text !== "") heading.push(lines[i]!);
  return heading;
}

/**
 * The year evaluated: the year of the title (a line among the first that names 绩效, 自评, 整体支出, 决算 or 预算,
 * or is next to one that does: the title is often split in two lines), else the first "…年度" anywhere, else a year
 * a body line gives its figures ("2021年部门决算收支完成情况"). Dates and a web page's publishing line never count.
 */
function fiscalYearOf(file: string, lines: readonly Line[]): { line: Line; year: number } {
  const heading = headingOf(lines);
  for (let i = 0; i < Math.min(heading.length, TITLE_LINES); i++) {
    const l = heading[i]!;
    // A title is a short line; a year inside a cited document's name (《…2021年预算绩效管理办法》) is not the report's.
    if (l.text.length > TITLE_LENGTH && !l.text.includes("整体支出")) continue;
    if (DATE_LINE.test(l.text)) continue;
    const m = FISCAL_YEAR.exec(l.text) ?? TITLE_YEAR.exec(l.text) ?? BARE_YEAR.exec(l.text);
    const near = (heading[i - 1]?.text ?? "") + l.text + (heading[i + 1]?.text ?? "");
    if (m && !l.text.slice(0, m.index).includes("《") && TITLE_WORDS.test(near)) return { line: l, year: Number(m[1]) };
  }
  for (const pattern of [FISCAL_YEAR, BODY_YEAR]) {
    const line = lines.find((l) => pattern.test(l.text) && !DATE_LINE.test(l.text));
    if (line) return { line, year: Number(pattern.exec(line.text)?.[1]) };
  }
  throw new ParseError(file, null, 'a fiscal year such as "2024年度"', "no year anywhere in the text");
}

/** The nearest non-empty line above line index i ("" at the top). */
function previousText(lines: readonly Line[], i: number): string {
  for (let k = i - 1; k >= 0; k--) if (lines[k]!.text !== "") return lines[k]!.text;
  return "";
}

// The budget code a form's field prints before the name ("219001-池州市贵池区棠溪镇人民政府").
const BUDGET_CODE = /^\d{3,}\s*[-－—_]?\s*/;

/** A labelled value, reduced to the body's name where it says more ("大英县司法局部门" → 大英县司法局). */
function bodyOf(labelled: string, context: string): string | null {
  const value = labelled.replace(BUDGET_CODE, "");
  const found = orgNamesIn(value, context)[0];
  if (found && found.at === 0) return found.name;
  return STANDALONE.test(value) ? value : null;
}

/** Names in label cells' value cells (主管部门 | 大英县司法局部门 | 实施单位 | 大英县司法局), rows printed on a line included. */
function labelledCells(cells: readonly Cell[], context: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const key = cells[i]!.key;
    if (!(key.endsWith("名称") || key.endsWith("部门") || key.endsWith("单位")) || !LABEL_CELLS.test(key)) continue;
    const next = cells.slice(i + 1, i + 3).find((c) => c.key !== "");
    if (!next || LABEL_CELLS.test(next.key)) continue;
    const name = bodyOf(next.key, context);
    if (name) out.push(name);
  }
  return out;
}

interface Candidates {
  /** Labelled fields, titles, bracketed subjects and template headings: the department as the report names itself. */
  named: string[];
  /** Short lines that are a name alone: where a sign-off prints the full name a field abbreviates. */
  standalone: string[];
}

function candidatesOf(lines: readonly Line[], cells: readonly Cell[], context: string): Candidates {
  const c: Candidates = { named: labelledCells(cells, context), standalone: [] };
  const heading = new Set(headingOf(lines));
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const t = l.text;
    // Names, labels and titles are short lines; long ones are prose (a title names 整体支出).
    if (t === "" || (t.length > 60 && !t.includes("整体支出"))) continue;
    // Squashing keeps the last character (the text is trimmed) and every 整: a line that can be none of the
    // names below is not squashed at all. A labelled name ends the line, so it ends in ORG_LAST too.
    const orgLast = ORG_LAST.has(t.charCodeAt(t.length - 1));
    const mayName = i < 40 || orgLast || t.endsWith("名称") || t.endsWith("单位") || t.includes("整");
    const labelled = orgLast && /名称|填报单位/.test(t) ? LABELLED.exec(t) : null;
    const value = labelled?.[1] ?? labelled?.[2];
    if (value) c.named.push(bodyOf(squash(value), context) ?? squash(value));
    if (!mayName) continue;
    const text = squash(l.text);
    if ((text.endsWith("名称") || text.endsWith("部门") || text.endsWith("单位")) && LABEL_CELLS.test(text)) {
      let k = i + 1;
      while (k < lines.length && lines[k]?.text === "") k += 1;
      const next = lines[k];
      if (next && STANDALONE.test(next.text) && !LABEL_CELLS.test(next.text)) c.named.push(next.text);
    }
    if (i < 40 || /整体支出/.test(text)) {
      const title = TITLE.exec(text);
      if (title?.[1] && /整体支出|绩效/.test(text + (lines[i + 1]?.text ?? ""))) c.named.push(title[1]);
      // A title of other wording ("…指挥中心2018绩效评价自评报告", "上海市普陀区财政局" / "2024年度部门决算").
      if (heading.has(l) && !/[，。；]/.test(text) && !DATE_LINE.test(text) && TITLE_WORDS.test(previousText(lines, i) + text + (lines[i + 1]?.text ?? ""))) {
        // Spaces part a body's name from what follows it ("南县财政局 政府信息公开"): searched unsquashed.
        const first = orgNamesIn(l.text, context)[0];
        if (first) c.named.push(first.name);
      }
      const subject = i < 40 && (text.endsWith("）") || text.endsWith(")")) ? BRACKETED.exec(text) : null;
      if (subject?.[1] && /整体支出|绩效/.test(previousText(lines, i))) c.named.push(subject[1]);
      if (i < 40 && TEMPLATE_HEADING.test(text)) c.named.push(...orgNamesIn(l.text, context).map((o) => o.name));
    }
    if (orgLast && text.length <= 32 && STANDALONE.test(text) && !/[，。；：:]/.test(text)) c.standalone.push(text);
  }
  return c;
}

/** Lines a body statement or a page's publisher may stand on: a report names itself in its opening. */
const OPENING_LINES = 80;
/**
 * A line longer than this is read up to here for a body statement: the department comes early in its sentence, or
 * in a one-line text's first fields (a .doc's properties, "安福全 zlnb210061 … 2052-11.1.0.11691 …", may come first).
 */
const STATEMENT_LENGTH = 400;

/**
 * Where a text names its department in no title or field: a body statement, else a web page's publisher, else
 * the first body its opening lines name. Each kind is a list; the first kind that names one decides.
 */
function fallbacksOf(lines: readonly Line[], context: string): string[][] {
  const statements: string[] = [];
  const publishers: string[] = [];
  const early: string[] = [];
  for (const l of lines.slice(0, OPENING_LINES)) {
    if (l.text === "") continue;
    const text = l.text.slice(0, STATEMENT_LENGTH);
    for (const o of orgNamesIn(text, context)) {
      if (STATEMENT_AFTER.test(text.slice(o.at + o.name.length))) statements.push(o.name);
      else if (l.n <= 40) early.push(o.name);
    }
    if (l.n <= 40) {
      for (const m of l.text.matchAll(PUBLISHER)) {
        const name = bodyOf(squash(m[1] ?? m[2] ?? ""), context);
        if (name) publishers.push(name);
      }
    }
  }
  return [statements, publishers, early];
}

/** Why no department with its county was found: the first real cause, with its line. */
function noDepartment(file: string, lines: readonly Line[]): ParseError {
  const at = (re: RegExp) => lines.find((l) => re.test(l.text));
  const placeholder = at(PLACEHOLDER);
  if (placeholder) {
    const name = PLACEHOLDER.exec(placeholder.text)?.[0] ?? "";
    const kind = REPORT_KINDS[reportKind(lines, [])];
    return new ParseError(file, placeholder.n, "a department name that starts with a city or county", `a template's placeholder "${name}": a blank ${kind} template, not a department's ${kind}`);
  }
  const masked = at(MASKED);
  if (masked) return new ParseError(file, masked.n, "the name of the department's county", `it masked as "${MASKED.exec(masked.text)?.[0]}"`);
  const self = at(SELF_REFERENCE);
  if (self) {
    const ref = SELF_REFERENCE.exec(self.text)?.[0] ?? "";
    return new ParseError(file, self.n, "a department name that starts with a city or county", `the body named only as "${ref}": the text never names its county`);
  }
  // A body's name alone on a line, with no place before it ("稠城街道" under a web page's index number).
  const bare = lines.slice(0, OPENING_LINES).find((l) => BARE_BODY.test(l.text) && placeAtStart(l.text) === null);
  if (bare) return new ParseError(file, bare.n, "a department name that starts with a city or county", `the body named only as "${bare.text}": the text never names its county`);
  const first = lines.find((l) => l.text !== "");
  return new ParseError(file, first?.n ?? 1, "a department name that starts with a city or county (e.g. 临湘市科技和工业信息化局) in the title or a 部门名称 field", first ? `"${first.text.slice(0, 40)}"` : "an empty text");
}

/** Reads department, county and fiscal year; throws ParseError naming what is missing. */
export function readIdentity(file: string, lines: readonly Line[], cells: readonly Cell[] = toCells(lines)): ReportIdentity {
  const { line: yearLine, year: fiscalYear } = fiscalYearOf(file, lines);
  const context = lines.slice(0, 80).map((l) => l.text).join("");
  const c = candidatesOf(lines, cells, context);
  // A template's placeholder (上海市XX局) names no department.
  const placed = (names: string[]) => names.filter((n) => !PLACEHOLDER_MARK.test(n) && (placeAtStart(n) !== null || orgNamesIn(n, context)[0]?.at === 0));
  const named = placed(c.named);
  const withPlace = named.length > 0 ? named : fallbacksOf(lines, context).map(placed).find((names) => names.length > 0);
  if (!withPlace) throw noDepartment(file, lines);
  // The full name is printed once in a sign-off line while fields use the short form (吉首市科工信局 / 吉首市科技和工业信息化局).
  const expansions = c.standalone.filter((s) => withPlace.some((n) => abbreviates(n, s) && placeAtStart(s)?.zh === placeAtStart(n)?.zh));
  const department = [...withPlace, ...expansions].reduce((a, b) => (b.length > a.length ? b : a));
  const place = placeAtStart(department, context) ?? orgNamesIn(department, context)[0]?.place ?? firstPlaceIn(context);
  if (!place) throw new ParseError(file, yearLine.n, "a city or county name", `"${department}"`);
  return { county_code: place.code, county_zh: place.zh, county_en: place.en, department_zh: department, fiscal_year: fiscalYear };
}
