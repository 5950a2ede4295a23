import type { Grade } from './subsidy-allocation.ts';

/**
 * 考核模板: weighted items and how each is scored. `manual` items are scored by the assessor with
 * evidence; `indicator` items are filled from an indicator's value for the unit: the item's maximum
 * times value ÷ target, at most the maximum.
 */
export type ScoringRule = { kind: 'manual' } | { kind: 'indicator'; indicatorCode: string; target: number };

export interface TemplateItem {
  code: string;
  name: string;
  /** What the assessor looks for. */
  guidance: string;
  /** The item's weight: its maximum score. */
  maxScore: number;
  rule: ScoringRule;
}

export interface GradeBand {
  grade: Grade;
  /** Lowest final score of the band. */
  min: number;
}

export interface AssessmentTemplate {
  code: string;
  name: string;
  clause: string;
  items: TemplateItem[];
  /** Highest band first. */
  grades: GradeBand[];
}

export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/**
 * P1.5(3): 县局督导考核示范试点，重点从“措施、责任、人员、服务、保障是否到位”五个方面考核，作为年终目标
 * 责任考核和“一村一法律顾问”以奖代补经费补贴发放的重要依据.
 */
export const FIVE_ASPECTS_TEMPLATE: AssessmentTemplate = {
  code: 'p1.5-five-aspects',
  name: '“一村（社区）一法律顾问”工作五个到位考核',
  clause: 'P1.5(3)',
  items: [
    {
      code: 'measures',
      name: '措施到位',
      guidance: '制定实施方案和工作制度，建立工作台账，定期研究推进',
      maxScore: 20,
      rule: { kind: 'manual' },
    },
    {
      code: 'responsibility',
      name: '责任到位',
      guidance: '明确牵头领导和责任人，任务分解到乡镇、村（社区）',
      maxScore: 20,
      rule: { kind: 'manual' },
    },
    {
      code: 'personnel',
      name: '人员到位',
      guidance: '贫困村法律顾问配备率（自动取自指标）',
      maxScore: 25,
      rule: { kind: 'indicator', indicatorCode: 'legal.poor_village_coverage', target: 100 },
    },
    {
      code: 'service',
      name: '服务到位',
      guidance: '按约定开展法律咨询、法治宣传、矛盾调解，服务记录完整（附台账、案件链接）',
      maxScore: 20,
      rule: { kind: 'manual' },
    },
    { code: 'guarantee', name: '保障到位', guidance: '经费落实、工作场所和公示牌到位', maxScore: 15, rule: { kind: 'manual' } },
  ],
  grades: [
    { grade: 'excellent', min: 90 },
    { grade: 'good', min: 80 },
    { grade: 'pass', min: 60 },
    { grade: 'fail', min: 0 },
  ],
};

export const TEMPLATES: readonly AssessmentTemplate[] = [FIVE_ASPECTS_TEMPLATE];

export function templateOf(code: string): AssessmentTemplate | undefined {
  return TEMPLATES.find((t) => t.code === code);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** An indicator item's score: max × value ÷ target, capped at max, two decimals; 0 without a value. */
export function autoScore(item: TemplateItem, value: number | null): number {
  if (item.rule.kind !== 'indicator' || value === null || item.rule.target <= 0) return 0;
  return round2(Math.min(item.maxScore, (item.maxScore * Math.max(0, value)) / item.rule.target));
}

/** Final score: the sum of the item scores given (missing items count 0), two decimals. */
export function finalScore(template: AssessmentTemplate, scores: ReadonlyMap<string, number>): number {
  return round2(template.items.reduce((sum, item) => sum + Math.min(item.maxScore, scores.get(item.code) ?? 0), 0));
}

export function gradeOf(template: AssessmentTemplate, score: number): Grade {
  return (template.grades.find((band) => score >= band.min) ?? template.grades[template.grades.length - 1])?.grade ?? 'fail';
}

/** Competition ranking (1, 2, 2, 4) by score, highest first. */
export function rankByScore<T extends { score: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  return sorted.map((row, i) => ({ ...row, rank: sorted.findIndex((r) => r.score === row.score) + 1 || i + 1 }));
}
