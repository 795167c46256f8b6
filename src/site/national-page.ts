/**
 * The national entry page (scripts/build-provinces.ts writes it as index.html above the provinces' sites): coverage
 * by province and year from provinces.json, each province linked to its own site, and a search over every county
 * (counties.json, fetched on first use) that also offers each province's own unit search. Pure: data in, HTML out.
 */
import { formatNumber } from "../format/zh.ts";
import type { ProvinceRecord } from "../publish/provinces.ts";
import { DEMO_LABEL } from "./demo.ts";

export const NATIONAL_COUNTIES_FILE = "counties.json";

/** counties.json: [province dir, county code, county name, reports] per county, compact for ~2,850 rows. */
export type NationalCountyRow = [string, string, string, number];

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The page for these provinces; base is the national site's path (ends with "/"). */
export function nationalPageHtml(provinces: readonly ProvinceRecord[], options: { base: string; demo: boolean; releasedAt: string | null }): string {
  const { base } = options;
  const years = [...new Set(provinces.flatMap((p) => p.years.map((y) => y.fiscal_year)))].sort((a, b) => a - b);
  const total = provinces.reduce((n, p) => n + p.reports, 0);
  const counties = provinces.reduce((n, p) => n + p.counties, 0);
  const cell = (p: ProvinceRecord, year: number) => {
    const n = p.years.find((y) => y.fiscal_year === year)?.reports;
    return `<td class="num">${n === undefined ? "—" : formatNumber(n)}</td>`;
  };
  const rows = provinces
    .map((p) => `<tr><th scope="row"><a href="${escape(base + p.dir)}/">${escape(p.name)}</a></th><td class="num">${formatNumber(p.counties)}</td>${years.map((y) => cell(p, y)).join("")}<td class="num">${formatNumber(p.reports)}</td><td><code>${escape(p.release_id)}</code></td></tr>`)
    .join("\n");
  const demo = options.demo ? `<p class="demo-banner" role="note"><strong>${DEMO_LABEL}</strong>：本站点由程序生成的合成报告构建，县市、部门、金额与指标均非真实数据，仅用于演示规模。</p>` : "";
  const provinceOptions = provinces.map((p) => `<option value="${escape(p.dir)}">${escape(p.name)}</option>`).join("");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="各省县市部门整体支出绩效自评报告的结构化数据与图表：全国入口">
<title>${options.demo ? `[${DEMO_LABEL}] ` : ""}全国 · 财政绩效看板</title>
<style>
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1f2328;line-height:1.6}
header,main,footer{max-width:72rem;margin:0 auto;padding:.5rem 1rem}
header{border-bottom:1px solid #d0d7de}.brand{font-weight:700;font-size:1.2rem;color:inherit;text-decoration:none}
a{color:#0b5cad}h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}
.lead{color:#57606a}.table-scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.95rem}
th,td{padding:.3rem .6rem;border-bottom:1px solid #eaeef2;text-align:left;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}thead th{border-bottom:2px solid #d0d7de}
.demo-banner{background:#fff4ce;margin:0;padding:.5rem 1rem}
label{display:block;margin:.5rem 0 .25rem}input,select,button{font:inherit;padding:.3rem .5rem}
#county-hits li{margin:.2rem 0}footer{color:#57606a;font-size:.9rem;border-top:1px solid #d0d7de;margin-top:3rem}
</style>
</head>
<body>
${demo}
<header><a class="brand" href="${escape(base)}">财政绩效看板 · 全国</a></header>
<main id="main">
<h1>全国各省份部门整体支出绩效自评</h1>
<p class="lead">收录 ${formatNumber(total)} 份报告，${formatNumber(provinces.length)} 个省份、${formatNumber(counties)} 个县市。每个省份是一个独立的站点（图表、单位、县市、下载与数据版本各自独立），点击省份名称进入。</p>
<h2 id="search">搜索</h2>
<form id="county-search" action="${escape(base)}" role="search">
<label for="q">县市名称或部门名称</label>
<input id="q" name="q" type="search" autocomplete="off" placeholder="例如：临湘、教育局">
<label for="province">在省份站点内搜索部门</label>
<select id="province" name="province">${provinceOptions}</select>
<button type="submit">搜索</button>
</form>
<ul id="county-hits" aria-live="polite"></ul>
<h2 id="coverage">各省份收录情况</h2>
<div class="table-scroll" tabindex="0" role="region" aria-label="各省份收录情况">
<table>
<thead><tr><th scope="col">省份</th><th scope="col" class="num">县市</th>${years.map((y) => `<th scope="col" class="num">${y}年</th>`).join("")}<th scope="col" class="num">合计</th><th scope="col">数据版本</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</main>
<footer><p>数据来自各部门公开的《部门整体支出绩效自评报告》，金额单位为万元。各省数据版本见上表${options.releasedAt ? `；构建于 ${escape(options.releasedAt)}` : ""}。</p></footer>
<script type="module">
const base = ${JSON.stringify(base)};
const form = document.getElementById("county-search"), q = document.getElementById("q"), hits = document.getElementById("county-hits");
let counties = null;
const load = () => (counties ??= fetch(base + ${JSON.stringify(NATIONAL_COUNTIES_FILE)}).then((r) => r.json()));
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
async function show() {
  const text = q.value.trim();
  if (!text) { hits.innerHTML = ""; return; }
  const found = (await load()).filter((c) => c[2].includes(text)).slice(0, 20);
  hits.innerHTML = found.map(([dir, code, name, n]) => '<li><a href="' + base + dir + '/counties/' + code + '/">' + esc(name) + '</a>（' + n + ' 份报告）</li>').join("")
    || '<li>没有名称含“' + esc(text) + '”的县市；可在所选省份站点内搜索部门。</li>';
}
q.addEventListener("focus", load, { once: true });
q.addEventListener("input", show);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  location.href = base + document.getElementById("province").value + "/search/?q=" + encodeURIComponent(q.value.trim());
});
</script>
</body>
</html>
`;
}
