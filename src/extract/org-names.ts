/**
 * Names of public bodies inside a text: a place (GB/T 2260, see place.ts) followed by the body's own name up to
 * an organisation word ("南县财政局", "岳阳市城市管理监督指挥中心", "东湖区扬子洲镇", "南县政协"), or a party or
 * CPPCC body that holds its place inside ("政协平凉市委员会办公室", "中共上海市普陀区委社会工作部").
 */
import { placePrefix, type Place } from "./place.ts";

export interface OrgName {
  /** The body's name as printed, place included. */
  name: string;
  place: Place;
  /** Offset of the name in the text searched. */
  at: number;
}

/** The last character of a body's name: 局, 委员会, 办公室, 中心, 大队, 政协, 人民政府, 镇, 街道 … */
export const ORG_LAST = new Set([..."局会委办心院馆站所队部厅处社府室校学园团场台协镇乡道"].map((c) => c.charCodeAt(0)));
/** Words that hold their place inside the name: 政协平凉市委员会, 中共普陀区委. */
const HOLDS_PLACE_WORDS = "中国共产党|中共|中国人民政治协商会议|政协|共青团";
const HOLDS_PLACE = new RegExp(`(?:${HOLDS_PLACE_WORDS})$`);
/** Such a word at the start of a name ("政协平凉市委员会办公室" → 政协). */
export const LEADING_HOLDER = new RegExp(`^(?:${HOLDS_PLACE_WORDS})`);
// Where a body's name ends at the latest: a figure, a space or punctuation, or a word that starts what is said of it
// ("南县财政局2020年度", "大英县司法局部门", "南县政协网站", "…执法大队概况", "对…开展了绩效评价"), or what it is
// or has ("渠县农业综合技术服务中心下设办公室、财务室": the 室 ends its 办公室, not the centre's name).
const NAME_RUN = /^[\u3400-\u9fff]+/;
const STOP = /关于|为|是|部门|单位|整体|项目|绩效|的|开展|按照|根据|本级|支出|概况|网站|自评|评价|报告|情况|决算|预算|下设|内设|设有|共有|现有|负责|承担|下辖|位于|属于/;
/** A body's own name after its place is at most this long ("交通运输综合行政执法大队" is 12). */
const BODY_LENGTH = 24;

/** The body name whose place starts at `at` of `text`, if one does. */
function nameFrom(text: string, at: number, context: string): OrgName | null {
  const prefixed = placePrefix(text, context, at);
  if (!prefixed) return null;
  const runText = NAME_RUN.exec(text.slice(at + prefixed.length, at + prefixed.length + BODY_LENGTH))?.[0] ?? "";
  const stop = STOP.exec(runText);
  const run = stop ? runText.slice(0, stop.index) : runText;
  let end = run.length;
  while (end > 0 && !ORG_LAST.has(run.charCodeAt(end - 1))) end -= 1;
  if (end === 0) return null;
  const lead = HOLDS_PLACE.exec(text.slice(Math.max(0, at - 10), at))?.[0] ?? "";
  return { name: text.slice(at - lead.length, at + prefixed.length + end), place: prefixed.place, at: at - lead.length };
}

/** Every body name in a text, in order; `context` breaks ties between same-named places (see place.ts). */
export function orgNamesIn(text: string, context = text): OrgName[] {
  const out: OrgName[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    const found = nameFrom(text, i, context);
    if (!found) continue;
    out.push(found);
    i = found.at + found.name.length - 1;
  }
  return out;
}
