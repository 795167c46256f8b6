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

/**
 * Department kinds, for comparing a unit with its peers (same kind, other counties). A department's own name
 * (without its county) is matched against each kind's keywords in this order; the first match wins, so the more
 * specific kinds (学校, 医院, 医保) stand before the broader ones (教育, 卫健). No match: other.
 */
export const DEPARTMENT_KINDS = {
  school: { zh: "学校", keywords: ["学校", "小学", "中学", "学院", "大学", "幼儿园", "职业技术", "职教中心"] },
  hospital: { zh: "医院", keywords: ["医院", "卫生院", "妇幼保健"] },
  healthcare_security: { zh: "医保", keywords: ["医疗保障"] },
  township: { zh: "乡镇/街道", keywords: ["乡人民政府", "镇人民政府", "街道办事处", "街道"] },
  tech_industry: { zh: "科技/工信", keywords: ["科学技术", "科技", "工业和信息化", "工信", "科工信", "经济和信息化", "经信"] },
  education: { zh: "教育", keywords: ["教育"] },
  health: { zh: "卫健", keywords: ["卫生健康", "卫健", "卫生"] },
  finance: { zh: "财政", keywords: ["财政"] },
  public_security: { zh: "公安", keywords: ["公安"] },
  civil_affairs: { zh: "民政", keywords: ["民政"] },
  agriculture: { zh: "农业农村", keywords: ["农业农村", "农业", "农村", "畜牧", "水产", "农机"] },
  transport: { zh: "交通", keywords: ["交通"] },
  natural_resources: { zh: "自然资源", keywords: ["自然资源", "国土"] },
  housing: { zh: "住建", keywords: ["住房和城乡建设", "住建", "城乡建设", "城市管理"] },
  water: { zh: "水利", keywords: ["水利", "水务"] },
  culture_tourism: { zh: "文旅", keywords: ["文化", "旅游", "广电", "体育"] },
  human_resources: { zh: "人社", keywords: ["人力资源", "社会保障", "人社"] },
  market_regulation: { zh: "市场监管", keywords: ["市场监督", "市场监管"] },
  environment: { zh: "生态环境", keywords: ["生态环境", "环境保护"] },
  emergency: { zh: "应急", keywords: ["应急"] },
  audit: { zh: "审计", keywords: ["审计"] },
  statistics: { zh: "统计", keywords: ["统计"] },
  forestry: { zh: "林业", keywords: ["林业"] },
  commerce: { zh: "商务", keywords: ["商务"] },
  justice: { zh: "司法", keywords: ["司法"] },
  development_reform: { zh: "发改", keywords: ["发展和改革", "发改"] },
  other: { zh: "其他", keywords: [] },
} as const satisfies Record<string, { zh: string; keywords: readonly string[] }>;
export type DepartmentKind = keyof typeof DEPARTMENT_KINDS;
export const DEPARTMENT_KIND_NAMES = Object.keys(DEPARTMENT_KINDS) as [DepartmentKind, ...DepartmentKind[]];

/** Money unit of every amount in facts and projects. */
export const MONEY_UNIT = "万元";
