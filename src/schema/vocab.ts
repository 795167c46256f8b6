/** Controlled vocabularies shared by the pipeline, the published tables and the site. */

export const METRICS = {
  income_total: "收入合计",
  income_carryover: "上年结转",
  income_general_budget: "一般公共预算财政拨款",
  income_gov_fund: "政府性基金拨款",
  income_state_capital: "国有资本经营拨款",
  income_nontax: "纳入专户管理的非税收入拨款",
  income_other: "其他收入",
  spend_total: "支出合计",
  spend_basic: "基本支出",
  spend_personnel: "人员经费",
  spend_public: "公用经费",
  spend_project: "项目支出",
  sangong_total: "三公经费合计",
  sangong_reception: "公务接待费",
  sangong_vehicle: "公务用车购置及运行维护费",
  sangong_vehicle_operation: "公务用车运行维护费",
  sangong_vehicle_purchase: "公务用车购置费",
  sangong_abroad: "因公出国（境）费",
  budget_initial: "年初预算数",
  budget_final: "全年预算数",
  budget_executed: "全年执行数",
  execution_rate: "预算执行率",
  fixed_assets_total: "固定资产合计",
  procurement: "政府采购金额",
} as const;
export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as [Metric, ...Metric[]];

export const BASES = { actual: "决算/执行", budget: "预算" } as const;
export type Basis = keyof typeof BASES;
export const BASIS_NAMES = Object.keys(BASES) as [Basis, ...Basis[]];

export const SHEETS = { overall: "部门整体", project: "项目支出" } as const;
export const SHEET_NAMES = Object.keys(SHEETS) as [keyof typeof SHEETS, ...(keyof typeof SHEETS)[]];

export const LEVEL1 = ["产出", "效益", "满意度"] as const;
export type Level1 = (typeof LEVEL1)[number];

export const LEVEL2 = ["数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "满意度"] as const;
export type Level2 = (typeof LEVEL2)[number];

export const DIRECTIONS = { higher: "越高越好", lower: "不超过（上限）", equal: "等于" } as const;
export type Direction = keyof typeof DIRECTIONS;
export const DIRECTION_NAMES = Object.keys(DIRECTIONS) as [Direction, ...Direction[]];

export const STATUSES = { met: "已完成", missed: "未完成", unknown: "无法判断" } as const;
export type Status = keyof typeof STATUSES;
export const STATUS_NAMES = Object.keys(STATUSES) as [Status, ...Status[]];

export const SEVERITIES = { error: "错误", warning: "警告", info: "提示" } as const;
export type Severity = keyof typeof SEVERITIES;
export const SEVERITY_NAMES = Object.keys(SEVERITIES) as [Severity, ...Severity[]];

/** Money unit of every amount in facts and projects. */
export const MONEY_UNIT = "万元";
