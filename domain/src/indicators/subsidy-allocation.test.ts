import { describe, expect, it } from 'vitest';
import { allocateSubsidy, AllocationRefused, type AllocationUnit, type Grade } from './subsidy-allocation.ts';

const sum = (rows: { amountFen: number }[]) => rows.reduce((a, r) => a + r.amountFen, 0);
const unit = (code: string, score: number, grade: Grade = 'good'): AllocationUnit => ({ code, score, grade });
const TIERS = { excellent: 3, good: 2, pass: 1, fail: 0 };

/** A small deterministic generator, so the property runs are reproducible. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('以奖代补 allocation (largest remainder, in 分)', () => {
  it('splits 100 分 among three equal scores as 34/33/33, the extra 分 to the first by code', () => {
    const rows = allocateSubsidy(100, [unit('b', 90), unit('a', 90), unit('c', 90)], { kind: 'proportional' });
    expect(rows.map((r) => [r.code, r.amountFen])).toEqual([
      ['b', 33],
      ['a', 34],
      ['c', 33],
    ]);
    expect(rows.find((r) => r.code === 'a')?.remainderFen).toBe(1);
    expect(rows.find((r) => r.code === 'a')?.calculation).toContain('余数分配 0.01 元');
  });

  it('gives the leftover 分 to the largest remainders', () => {
    // 1000 分 by 1 : 2 : 4 → exact 142.857 / 285.714 / 571.428 → floors 142 + 285 + 571 = 998;
    // remainders .857, .714, .428 → the 2 分 go to the first two.
    const rows = allocateSubsidy(1000, [unit('x', 1), unit('y', 2), unit('z', 4)], { kind: 'proportional' });
    expect(rows.map((r) => r.amountFen)).toEqual([143, 286, 571]);
    expect(sum(rows)).toBe(1000);
  });

  it('shares by grade tiers; a failing unit gets nothing', () => {
    const rows = allocateSubsidy(
      600_000,
      [unit('a', 95, 'excellent'), unit('b', 85, 'good'), unit('c', 70, 'pass'), unit('d', 40, 'fail')],
      { kind: 'tiers', weights: TIERS },
    );
    expect(rows.map((r) => r.amountFen)).toEqual([300_000, 200_000, 100_000, 0]);
    expect(rows[3]?.calculation).toContain('不参与分配');
  });

  it('caps a unit and shares what it cannot take among the others, repeatedly', () => {
    // 1000 分, weights 80 / 10 / 10, cap 450: a is capped at 450; 550 left by 10 : 10 → 275 each.
    const rows = allocateSubsidy(1000, [unit('a', 80), unit('b', 10), unit('c', 10)], { kind: 'proportional', capFen: 450 });
    expect(rows.map((r) => r.amountFen)).toEqual([450, 275, 275]);
    expect(rows[0]?.capped).toBe(true);
    // Cap 400 with 60 / 30 / 10: a capped (600 > 400), then 600 by 30 : 10 gives b 450 > 400 → b capped, c gets the 200 left.
    const again = allocateSubsidy(1000, [unit('a', 60), unit('b', 30), unit('c', 10)], { kind: 'proportional', capFen: 400 });
    expect(again.map((r) => r.amountFen)).toEqual([400, 400, 200]);
    expect(sum(again)).toBe(1000);
  });

  it('refuses caps that cannot hold the pool, a pool without weights and a negative pool', () => {
    expect(() => allocateSubsidy(1000, [unit('a', 50), unit('b', 50)], { kind: 'proportional', capFen: 400 })).toThrow(AllocationRefused);
    expect(() => allocateSubsidy(1000, [unit('a', 0), unit('b', 0)], { kind: 'proportional' })).toThrowError('no_weight');
    expect(() => allocateSubsidy(-1, [unit('a', 50)], { kind: 'proportional' })).toThrowError('pool_invalid');
  });

  it('always sums to the pool exactly and respects the caps (1,000 random cases)', () => {
    const random = lcg(42);
    for (let run = 0; run < 1000; run += 1) {
      const n = 1 + Math.floor(random() * 40);
      const units = Array.from({ length: n }, (_, i) =>
        unit(`u${i}`, Math.round(random() * 10000) / 100, (['excellent', 'good', 'pass', 'fail'] as const)[Math.floor(random() * 4)]),
      );
      const pool = Math.floor(random() * 100_000_000);
      const useCap = random() < 0.5;
      const proportional = random() < 0.5;
      const weighted = units.filter((u) => (proportional ? Math.round(u.score * 100) > 0 : u.grade !== 'fail')).length;
      if (weighted === 0) continue;
      const capFen = useCap ? Math.ceil(pool / weighted) + Math.floor(random() * 1000) : null;
      const rows = allocateSubsidy(
        pool,
        units,
        proportional ? { kind: 'proportional', capFen } : { kind: 'tiers', weights: TIERS, capFen },
      );
      expect(sum(rows)).toBe(pool);
      for (const r of rows) {
        expect(Number.isInteger(r.amountFen)).toBe(true);
        expect(r.amountFen).toBeGreaterThanOrEqual(0);
        if (capFen !== null) expect(r.amountFen).toBeLessThanOrEqual(capFen);
      }
      // Monotone without caps: a larger weight never gets less.
      if (capFen === null) {
        const sorted = [...rows].sort((a, b) => a.weight - b.weight);
        for (let i = 1; i < sorted.length; i += 1)
          expect((sorted[i]?.amountFen ?? 0) + 1).toBeGreaterThanOrEqual(sorted[i - 1]?.amountFen ?? 0);
      }
    }
  });
});
