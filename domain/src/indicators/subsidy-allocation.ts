/**
 * 以奖代补 (P1.5(3)): a round's subsidy pool is shared out by the assessment result, in 分, so that
 * the shares add up to the pool exactly. Shares are exact fractions of the pool (integer arithmetic,
 * no floating point); each unit first gets the whole 分 of its share, then the 分 left over go one
 * each to the largest remainders (最大余数法). A cap limits a unit's share; what a capped unit cannot
 * take is shared again among the others in proportion (repeated until no share exceeds the cap).
 */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** How a pool is shared: by grade tiers (weights per grade) or in proportion to the score. */
export type AllocationRule =
  { kind: 'tiers'; weights: Record<Grade, number>; capFen?: number | null } | { kind: 'proportional'; capFen?: number | null };

export interface AllocationUnit {
  code: string;
  /** Final score, 0–100, at most two decimals. */
  score: number;
  grade: Grade;
}

export interface Allocation {
  code: string;
  amountFen: number;
  /** The weight this unit carried (tier weight, or score × 100). */
  weight: number;
  capped: boolean;
  /** 分 added by the largest-remainder step (0 or 1). */
  remainderFen: number;
  /** The calculation in plain Chinese, for the finance office. */
  calculation: string;
}

export type AllocationError = 'pool_invalid' | 'no_weight' | 'caps_too_small';

export class AllocationRefused extends Error {
  constructor(readonly reason: AllocationError) {
    super(reason);
  }
}

const yuan = (fen: bigint | number) => (Number(fen) / 100).toFixed(2);

function weightOf(rule: AllocationRule, unit: AllocationUnit): bigint {
  if (rule.kind === 'tiers') return BigInt(Math.max(0, Math.round(rule.weights[unit.grade])));
  return BigInt(Math.max(0, Math.round(unit.score * 100)));
}

export function allocateSubsidy(poolFen: number, units: readonly AllocationUnit[], rule: AllocationRule): Allocation[] {
  if (!Number.isSafeInteger(poolFen) || poolFen < 0) throw new AllocationRefused('pool_invalid');
  const cap = rule.capFen === undefined || rule.capFen === null ? null : BigInt(rule.capFen);
  const weights = new Map(units.map((u) => [u.code, weightOf(rule, u)]));
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0n);
  if (poolFen > 0 && totalWeight === 0n) throw new AllocationRefused('no_weight');
  const eligible = units.filter((u) => (weights.get(u.code) ?? 0n) > 0n);
  if (cap !== null && cap * BigInt(eligible.length) < BigInt(poolFen)) throw new AllocationRefused('caps_too_small');

  // Water-filling: fix every unit whose exact share exceeds the cap at the cap, share the rest again.
  const capped = new Set<string>();
  let rest = BigInt(poolFen);
  let open = eligible;
  for (;;) {
    const w = open.reduce((a, u) => a + (weights.get(u.code) ?? 0n), 0n);
    const over = cap === null || w === 0n ? [] : open.filter((u) => rest * (weights.get(u.code) ?? 0n) > cap * w);
    if (over.length === 0) break;
    for (const u of over) capped.add(u.code);
    rest -= cap! * BigInt(over.length);
    open = open.filter((u) => !capped.has(u.code));
  }

  const openWeight = open.reduce((a, u) => a + (weights.get(u.code) ?? 0n), 0n);
  const floors = new Map<string, bigint>();
  const remainders = new Map<string, bigint>();
  for (const u of open) {
    const product = rest * (weights.get(u.code) ?? 0n);
    floors.set(u.code, openWeight === 0n ? 0n : product / openWeight);
    remainders.set(u.code, openWeight === 0n ? 0n : product % openWeight);
  }
  let left = rest - [...floors.values()].reduce((a, b) => a + b, 0n);
  // Largest remainder first; ties go to the larger weight, then to the code, so the result is stable.
  const order = [...open].sort((a, b) => {
    const ra = remainders.get(a.code) ?? 0n;
    const rb = remainders.get(b.code) ?? 0n;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const wa = weights.get(a.code) ?? 0n;
    const wb = weights.get(b.code) ?? 0n;
    if (wa !== wb) return wa > wb ? -1 : 1;
    return a.code < b.code ? -1 : 1;
  });
  const extra = new Set<string>();
  for (const u of order) {
    if (left === 0n) break;
    extra.add(u.code);
    left -= 1n;
  }

  const weightText = (u: AllocationUnit) => (rule.kind === 'tiers' ? `等次权重 ${weightOf(rule, u)}` : `得分 ${u.score}`);
  const openTotalText = rule.kind === 'tiers' ? `${openWeight}` : (Number(openWeight) / 100).toString();
  return units.map((u) => {
    const weight = Number(weights.get(u.code) ?? 0n);
    if (capped.has(u.code)) {
      return {
        code: u.code,
        amountFen: Number(cap),
        weight,
        capped: true,
        remainderFen: 0,
        calculation: `${weightText(u)}，按比例应得超过封顶，按封顶 ${yuan(cap!)} 元发放`,
      };
    }
    if (!floors.has(u.code)) {
      return { code: u.code, amountFen: 0, weight, capped: false, remainderFen: 0, calculation: `${weightText(u)}，不参与分配` };
    }
    const floor = floors.get(u.code) ?? 0n;
    const plus = extra.has(u.code) ? 1n : 0n;
    const base = `${weightText(u)} ÷ 合计 ${openTotalText} × 可分配 ${yuan(rest)} 元 = ${yuan(floor)} 元（取整到分）`;
    return {
      code: u.code,
      amountFen: Number(floor + plus),
      weight,
      capped: false,
      remainderFen: Number(plus),
      calculation: plus > 0n ? `${base} + 余数分配 0.01 元 = ${yuan(floor + plus)} 元` : base,
    };
  });
}
