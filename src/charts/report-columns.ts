/** The columns naming a report, shared by every chart's table and CSV. */
import type { TableColumn } from "./chart.ts";
import { reportLabel, rowLabel } from "./row-label.ts";

interface Head {
  report_id: string;
  county_code: string;
  county_zh: string;
  department_zh: string;
  fiscal_year: number;
}

/** One readable "单位" column in the table (linked to the report page); separate machine columns in the CSV. */
export function reportColumns<R extends Head>(): TableColumn<R>[] {
  return [
    { key: "report_id", label: "单位", format: (_v, r) => reportLabel(r), tableOnly: true, report: true },
    { key: "county_code", label: "区划代码", csvOnly: true },
    { key: "county_zh", label: "县市", csvOnly: true },
    { key: "department_zh", label: "部门", csvOnly: true },
    { key: "fiscal_year", label: "年度", csvOnly: true },
  ];
}

interface PagedHead {
  report_id: string | null;
  county_code: string | null;
  county_zh: string | null;
  department_zh: string | null;
  fiscal_year: number | null;
  group_by: string | null;
  group_key: string | null;
  group_label: string | null;
  reports: number;
}

/**
 * The columns naming a row of a paged view: a report (linked to its page) or a group (linked to the route
 * `drill` filtered to it); the CSV keeps the machine columns of both.
 */
export function pagedColumns<R extends PagedHead>(drill: string): TableColumn<R>[] {
  return [
    { key: "report_id", label: "单位 / 分组", format: (_v, r) => rowLabel(r), tableOnly: true, report: true, drill },
    { key: "county_code", label: "区划代码", csvOnly: true },
    { key: "county_zh", label: "县市", csvOnly: true },
    { key: "department_zh", label: "部门", csvOnly: true },
    { key: "fiscal_year", label: "年度", csvOnly: true },
    { key: "group_by", label: "分组方式", csvOnly: true },
    { key: "group_key", label: "分组", csvOnly: true },
    { key: "group_label", label: "分组名称", csvOnly: true },
    { key: "reports", label: "报告数", csvOnly: true },
  ];
}
