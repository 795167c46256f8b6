/** Who and when: department, its county and the fiscal year evaluated, all read from the text. */
import { ParseError } from "./errors.ts";
import type { ReportIdentity } from "./findings.ts";
import type { Line } from "./lines.ts";
import { squash } from "./lines.ts";
import { placeAtStart, firstPlaceIn } from "./place.ts";

const ORG_END = "(?:局|委员会|委|办公室|办|中心|院|馆|站|所|队|部|会|厅|处|社|政府|室|校|学|园|团|场|台)";
// "部门(单位)名称  临湘市科技和工业信息化局", "部门名称：岳阳市科学技术局", "填报单位：洪江市工业和信息化局"
const LABELLED = new RegExp(`(?:部门|单位|预算部门)[（(]?(?:单位)?[)）]?名称[（(]?(?:盖章)?[)）]?[:：]?\\s*(\\S.*?${ORG_END})\\s*$|填报单位[:：]\\s*(\\S.*?${ORG_END})\\s*$`);
// "2024年度岳阳市科学技术局部门整体支出", "吉首市科工信局2022年度部门整体支出", "2024年度洪江市工业和信息化局", "2024年…"
// "关于衡阳县农业农村局2024年度部门整体支出绩效自评情况的报告", "衡阳县农业农村局关于2024年度…的报告"
const TITLE = new RegExp(`^(?:关于)?(?:20\\d{2}年度?)?(.+?${ORG_END})(?:关于)?(?:20\\d{2}年度?)?(?:部门|单位)?(?:整体支出|$)`);
// A title's subject on a line of its own, in brackets: "2024年度部门整体支出绩效自评报告" / "（衡阳县农业农村局）".
const BRACKETED = new RegExp(`^[（(](.{2,30}${ORG_END})[)）]$`);
// The last characters of ORG_END, as char codes: every name, label or title above ends in one.
const ORG_LAST = new Set([..."局会委办心院馆站所队部厅处社府室校学园团场台"].map((c) => c.charCodeAt(0)));
const STANDALONE = new RegExp(`^(.{2,30}${ORG_END})$`);
const FISCAL_YEAR = /((?:19|20)\d{2})\s*年度/;
// A title's year said without 度 ("2024年部门整体支出绩效自评报告"); "2025年3月" is a date, not the year evaluated.
const TITLE_YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
const TITLE_WORDS = /绩效|自评|整体支出/;
/** The title is among a report's first lines; a year there outranks the body's first "…年度" ("与2023年度相比"). */
const TITLE_LINES = 10;
const TITLE_LENGTH = 60;
// Label cells whose next cell is the department: the national 自评表 prints 主管部门 where Hunan's prints 预算部门名称.
const LABEL_CELLS = /^(?:市级)?预算部门名称$|^部门[（(]单位[)）]名称$|^主管部门$/;

/** Is `short` an abbreviation of `long`: same first and last characters, and its characters in order (科工信局 ⊂ 科技和工业信息化局)? */
export function abbreviates(short: string, long: string): boolean {
  if (short.length >= long.length || short.at(-1) !== long.at(-1)) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i += 1;
  return i === short.length;
}

/**
 * The year evaluated: the year of the title (a line among the first that names 绩效, 自评 or 整体支出, or is followed by
 * one that does: the title is often split in two lines), else the first "…年度" anywhere.
 */
function fiscalYearOf(file: string, lines: readonly Line[]): { line: Line; year: number } {
  const heading: Line[] = [];
  for (let i = 0; i < lines.length && heading.length <= TITLE_LINES; i++) if (lines[i]!.text !== "") heading.push(lines[i]!);
  for (let i = 0; i < Math.min(heading.length, TITLE_LINES); i++) {
    const l = heading[i]!;
    // A title is a short line; a year inside a cited document's name (《…2021年预算绩效管理办法》) is not the report's.
    if (l.text.length > TITLE_LENGTH) continue;
    const m = FISCAL_YEAR.exec(l.text) ?? TITLE_YEAR.exec(l.text);
    if (m && !l.text.slice(0, m.index).includes("《") && TITLE_WORDS.test(l.text + (heading[i + 1]?.text ?? ""))) return { line: l, year: Number(m[1]) };
  }
  const line = lines.find((l) => FISCAL_YEAR.test(l.text));
  if (!line) throw new ParseError(file, null, 'a fiscal year such as "2024年度"', "no year anywhere in the text");
  return { line, year: Number(FISCAL_YEAR.exec(line.text)?.[1]) };
}

/** The nearest non-empty line above line index i ("" at the top). */
function previousText(lines: readonly Line[], i: number): string {
  for (let k = i - 1; k >= 0; k--) if (lines[k]!.text !== "") return lines[k]!.text;
  return "";
}

/** Reads department, county and fiscal year; throws ParseError naming what is missing. */
export function readIdentity(file: string, lines: readonly Line[]): ReportIdentity {
  const { line: yearLine, year: fiscalYear } = fiscalYearOf(file, lines);

  const named: string[] = [];
  const standalone: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const t = l.text;
    // Names, labels and titles are short lines; long ones are prose (a title names 整体支出).
    if (t === "" || (t.length > 60 && !t.includes("整体支出"))) continue;
    // Squashing keeps the last character (the text is trimmed) and every 整: a line that can be none of the
    // names below is not squashed at all. A labelled name ends the line, so it ends in ORG_LAST too.
    const orgLast = ORG_LAST.has(t.charCodeAt(t.length - 1));
    const mayName = i < 40 || orgLast || t.endsWith("名称") || t.includes("整");
    const labelled = orgLast && /名称|填报单位/.test(t) ? LABELLED.exec(t) : null;
    const value = labelled?.[1] ?? labelled?.[2];
    if (value) named.push(squash(value));
    if (!mayName) continue;
    const text = squash(l.text);
    if ((text.endsWith("名称") || text.endsWith("部门")) && LABEL_CELLS.test(text)) {
      let k = i + 1;
      while (k < lines.length && lines[k]?.text === "") k += 1;
      const next = lines[k];
      if (next && STANDALONE.test(next.text)) named.push(next.text);
    }
    if (i < 40 || /整体支出/.test(text)) {
      const title = TITLE.exec(text);
      if (title?.[1] && /整体支出|绩效/.test(text + (lines[i + 1]?.text ?? ""))) named.push(title[1]);
      const subject = i < 40 && (text.endsWith("）") || text.endsWith(")")) ? BRACKETED.exec(text) : null;
      if (subject?.[1] && /整体支出|绩效/.test(previousText(lines, i))) named.push(subject[1]);
    }
    if (orgLast && text.length <= 32 && STANDALONE.test(text) && !/[，。；：:]/.test(text)) standalone.push(text);
  }

  const withPlace = named.filter((n) => placeAtStart(n) !== null);
  if (withPlace.length === 0) {
    const first = lines.find((l) => l.text !== "");
    throw new ParseError(file, first?.n ?? 1, "a department name that starts with a city or county (e.g. 临湘市科技和工业信息化局) in the title or a 部门名称 field", first ? `"${first.text.slice(0, 40)}"` : "an empty text");
  }
  // The full name is printed once in a sign-off line while fields use the short form (吉首市科工信局 / 吉首市科技和工业信息化局).
  const expansions = standalone.filter((s) => withPlace.some((n) => abbreviates(n, s) && placeAtStart(s)?.zh === placeAtStart(n)?.zh));
  const department = [...withPlace, ...expansions].reduce((a, b) => (b.length > a.length ? b : a));
  const context = lines.slice(0, 80).map((l) => l.text).join("");
  const place = placeAtStart(department, context) ?? firstPlaceIn(context);
  if (!place) throw new ParseError(file, yearLine.n, "a city or county name", `"${department}"`);
  return { county_code: place.code, county_zh: place.zh, county_en: place.en, department_zh: department, fiscal_year: fiscalYear };
}
