/** Controlled vocabularies shared by the pipeline, the published tables and the site. */

/**
 * 支出功能分类 classes (类) of the national classification of government spending, by code, as a 部门决算's
 * 收入支出决算总表 prints them; older names of a class follow its current one.
 */
export const FUNCTION_CLASSES = {
  "201": ["一般公共服务支出"],
  "202": ["外交支出"],
  "203": ["国防支出"],
  "204": ["公共安全支出"],
  "205": ["教育支出"],
  "206": ["科学技术支出"],
  "207": ["文化旅游体育与传媒支出", "文化体育与传媒支出"],
  "208": ["社会保障和就业支出"],
  "209": ["社会保险基金支出"],
  "210": ["卫生健康支出", "医疗卫生与计划生育支出", "医疗卫生支出"],
  "211": ["节能环保支出"],
  "212": ["城乡社区支出", "城乡社区事务支出"],
  "213": ["农林水支出", "农林水事务支出"],
  "214": ["交通运输支出"],
  "215": ["资源勘探工业信息等支出", "资源勘探信息等支出", "资源勘探电力信息等支出"],
  "216": ["商业服务业等支出"],
  "217": ["金融支出", "金融监管等事务支出"],
  "219": ["援助其他地区支出"],
  "220": ["自然资源海洋气象等支出", "国土海洋气象等支出"],
  "221": ["住房保障支出"],
  "222": ["粮油物资储备支出", "粮油物资储备管理事务支出"],
  "223": ["国有资本经营预算支出"],
  "224": ["灾害防治及应急管理支出"],
  "227": ["预备费"],
  "229": ["其他支出"],
  "230": ["转移性支出"],
  "231": ["债务还本支出"],
  "232": ["债务付息支出"],
  "233": ["债务发行费用支出"],
  "234": ["抗疫特别国债安排的支出"],
} as const satisfies Record<string, readonly [string, ...string[]]>;
export type FunctionClass = keyof typeof FUNCTION_CLASSES;

type FunctionClassMetric = `spend_fn_${FunctionClass}`;
function functionClassMetrics(): Record<FunctionClassMetric, string> {
  return Object.fromEntries(Object.entries(FUNCTION_CLASSES).map(([code, [name]]) => [`spend_fn_${code}`, `${name}（${code}类）`])) as Record<FunctionClassMetric, string>;
}

export const METRICS = {
  income_total: "收入合计",
  income_carryover: "上年结转",
  income_general_budget: "一般公共预算财政拨款",
  income_gov_fund: "政府性基金拨款",
  income_state_capital: "国有资本经营拨款",
  income_nontax: "纳入专户管理的非税收入拨款",
  income_other: "其他收入",
  income_fiscal: "财政拨款收入",
  income_superior: "上级补助收入",
  income_business: "事业收入",
  income_operating: "经营收入",
  income_affiliated: "附属单位上缴收入",
  spend_total: "支出合计",
  spend_basic: "基本支出",
  spend_personnel: "人员经费",
  spend_public: "公用经费",
  spend_project: "项目支出",
  spend_superior: "上缴上级支出",
  spend_operating: "经营支出",
  spend_affiliated: "对附属单位补助支出",
  carryover_begin: "年初结转和结余",
  carryover_end: "年末结转和结余",
  grand_total: "收支总计",
  operating_costs: "机关运行经费",
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
  vehicles: "车辆数",
  perf_target_projects: "编报绩效目标的项目数",
  perf_target_amount: "编报绩效目标的项目预算金额",
  perf_self_eval_projects: "绩效自评的项目数",
  perf_self_eval_amount: "绩效自评的项目预算金额",
  perf_self_eval_score: "绩效自评平均得分",
  ...functionClassMetrics(),
} as const;
export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as [Metric, ...Metric[]];

export const BASES = { actual: "决算/执行", budget: "预算" } as const;
export type Basis = keyof typeof BASES;
export const BASIS_NAMES = Object.keys(BASES) as [Basis, ...Basis[]];

export const SHEETS = { overall: "部门整体", project: "项目支出" } as const;
export const SHEET_NAMES = Object.keys(SHEETS) as [keyof typeof SHEETS, ...(keyof typeof SHEETS)[]];

/**
 * The kinds of document a body publishes, and what is read from each (README: "Document kinds"). A report's kind
 * comes from its title, else from the parts it holds.
 */
export const REPORT_KINDS = {
  overall: "部门整体支出绩效自评报告",
  project_sheet: "项目支出绩效自评表",
  project_report: "项目支出绩效自评报告",
  final_accounts: "部门决算",
  budget: "部门预算",
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;
export const REPORT_KIND_NAMES = Object.keys(REPORT_KINDS) as [ReportKind, ...ReportKind[]];

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
  township: { zh: "乡镇/街道", keywords: ["乡人民政府", "镇人民政府", "街道办事处", "街道"], endings: ["镇", "乡"] },
  cppcc: { zh: "政协", keywords: ["政协", "政治协商会议"] },
  congress: { zh: "人大", keywords: ["人大常委会", "人民代表大会"] },
  party: { zh: "党委部门", keywords: ["中共", "中国共产党", "党委", "纪委", "纪律检查委员会", "组织部", "宣传部", "统战部", "政法委", "社会工作部"] },
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
} as const satisfies Record<string, { zh: string; keywords: readonly string[]; endings?: readonly string[] }>;
export type DepartmentKind = keyof typeof DEPARTMENT_KINDS;
export const DEPARTMENT_KIND_NAMES = Object.keys(DEPARTMENT_KINDS) as [DepartmentKind, ...DepartmentKind[]];

/** Money unit of every amount in facts and projects. */
export const MONEY_UNIT = "万元";
