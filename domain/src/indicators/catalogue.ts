/**
 * 指标目录: the indicators the platform measures. Each is `reported` (entered per village and period
 * on a form, reviewed by the town) or `computed` (derived from other modules' records: counted from
 * their domain events into the roll-up, or a function a module registers). Codes are stable keys;
 * the lists are `as const` so the console can require an English name for each code.
 */
export const INDICATOR_KINDS = ['computed', 'reported'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
/** percent: a share (numerator / denominator, shown ×100); count: a number of things. */
export const INDICATOR_UNITS = ['percent', 'count'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
/** Where the value comes from: the village form, another module's events, or a module's function. */
export const INDICATOR_SOURCES = ['report', 'event', 'function'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export interface IndicatorDefinition {
  code: string;
  name: string;
  /** What is counted, in the words an official uses (numerator / denominator). */
  definition: string;
  unit: IndicatorUnit;
  kind: IndicatorKind;
  source: IndicatorSource;
  /** The seed clause the indicator comes from. */
  clause: string;
}

/** 平安乡村 form fields (P3.3(三)2), one village per quarter. */
export const REPORTED_INDICATORS = [
  {
    code: 'safety.six_none',
    name: '“六无”村（社区）创建率',
    definition:
      '达到“六无”（无刑事案件、无群体性事件、无邪教人员、无涉毒人员、无传销活动、无重大安全生产事件）的村（社区）数 / 填报村（社区）数',
    unit: 'percent',
    kind: 'reported',
    source: 'report',
    clause: 'P3.3(三)2',
  },
  {
    code: 'safety.safe_families',
    name: '平安家庭创建率',
    definition: '平安家庭户数 / 总户数',
    unit: 'percent',
    kind: 'reported',
    source: 'report',
    clause: 'P3.3(三)2',
  },
  {
    code: 'safety.centre_standardized',
    name: '综治中心标准化率',
    definition: '综治中心达到标准化的村（社区）数 / 填报村（社区）数',
    unit: 'percent',
    kind: 'reported',
    source: 'report',
    clause: 'P3.3(三)2',
  },
  {
    code: 'safety.resident_police',
    name: '驻村民警进两委班子率',
    definition: '驻村民警进入村两委班子的村（社区）数 / 填报村（社区）数',
    unit: 'percent',
    kind: 'reported',
    source: 'report',
    clause: 'P3.3(三)2',
  },
] as const satisfies readonly IndicatorDefinition[];

/** Counted from other modules' domain events, inside their write transactions. */
export const EVENT_INDICATORS = [
  {
    code: 'legal.services',
    name: '法律服务次数',
    definition: '村法律顾问和三大服务窗口记录的服务次数（一次一记）',
    unit: 'count',
    kind: 'computed',
    source: 'event',
    clause: 'P1.4(3)',
  },
  {
    code: 'mediation.cases',
    name: '受理矛盾纠纷数',
    definition: '人民调解受理的矛盾纠纷案件数',
    unit: 'count',
    kind: 'computed',
    source: 'event',
    clause: 'P3.3(三)1',
  },
  {
    code: 'mediation.success_rate',
    name: '调解成功率',
    definition: '达成调解协议的案件数 / 调结案件数（按受理时间统计，与调解统计一致）',
    unit: 'percent',
    kind: 'computed',
    source: 'event',
    clause: 'P3.3(三)1',
  },
  {
    code: 'programs.designated',
    name: '示范（试点）单位数',
    definition: '被命名的示范村（试点）单位数（撤销后减去）',
    unit: 'count',
    kind: 'computed',
    source: 'event',
    clause: 'P3.2',
  },
] as const satisfies readonly IndicatorDefinition[];

/** The code of an event-counted indicator: a publisher's manifest says which of its events feed it. */
export type EventIndicatorCode = (typeof EVENT_INDICATORS)[number]['code'];

/** Pseudo-indicators of the reporting itself, kept in the same roll-up (完成情况). */
export const REPORTING_COUNTERS = {
  submitted: 'report.submitted',
  onTime: 'report.on_time',
  approved: 'report.approved',
} as const;

/** 目标比较方式: at least (≥), at most (≤), exactly (=). */
export const COMPARISONS = ['gte', 'lte', 'eq'] as const;
export type Comparison = (typeof COMPARISONS)[number];
