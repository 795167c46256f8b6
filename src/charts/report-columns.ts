/** The columns naming a report, shared by every chart's table and CSV. */
import type { TableColumn } from "./chart.ts";
import { reportLabel } from "./row-label.ts";

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
