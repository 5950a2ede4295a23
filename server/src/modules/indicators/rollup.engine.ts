import { NATION_CODE } from '@rg/domain/regions/region-code';
import type { Dialect } from '../../core/db/connect.ts';
import type { CounterTable, Counters } from '../../core/db/counters.ts';
import type { Db, DbOrTx, Tx } from '../../core/db/schema.ts';
import * as repo from './rollup.repository.ts';

/** A change to one indicator's sums for one unit and period. */
export interface Delta {
  indicatorCode: string;
  period: string;
  num: number;
  den: number;
}

const ROLLUPS: CounterTable<'indicator_rollups'> = {
  table: 'indicator_rollups',
  key: ['region_code', 'indicator_code', 'period'],
  counters: ['num', 'den', 'own_num', 'own_den'],
};

/**
 * 逐级汇总 (issue 6 "Roll-up"): every record that feeds an indicator adds its numerator and denominator,
 * inside the writer's transaction, to the row of its unit and of every ancestor up to the nation. A
 * scorecard then reads a handful of primary-key rows, at any level, and is as fresh as the last commit.
 *
 * Ancestors follow `regions.parent_code`, not the code prefix: a village moved to another town keeps
 * its code. The chain a unit's sums went to is kept in `indicator_unit_paths`; when it no longer
 * matches the regions table, the unit's own sums are taken off the old ancestors and put on the new
 * ones (`relocate`), so each village is counted once at every level.
 */
export class RollupEngine {
  constructor(
    private readonly dialect: Dialect,
    private readonly counters: Counters,
  ) {}

  /**
   * Every write transaction appends to the audit chain, which locks the one `audit_head` row; some
   * publishers audit before they publish, others after. The roll-up's ancestor rows (the nation's
   * above all) are shared by every writer, so on PostgreSQL two writers could each hold what the
   * other waits for. Taking the audit head first, before any roll-up row, gives every transaction the
   * same lock order (audit head, then roll-up rows) and no deadlock; it adds no waiting, because the
   * transaction would take that lock anyway. SQLite has one writer at a time and needs nothing.
   */
  private async lockOrder(tx: Tx): Promise<void> {
    if (this.dialect === 'postgres') await repo.lockAuditHead(tx);
  }

  /** The unit's current chain of ancestors, nation first, from the regions table. */
  async currentPath(db: DbOrTx, unitCode: string): Promise<string[]> {
    return (await this.chain(db, unitCode)).current;
  }

  /** The current chain, and the one stored when the unit's sums were last added (null before the first). */
  private async chain(db: DbOrTx, unitCode: string): Promise<{ current: string[]; stored: string | null }> {
    const row = await repo.findChain(db, unitCode);
    // A code the regions table does not know: counted at the nation only, as before any import.
    if (!row) return { current: [NATION_CODE], stored: await repo.findStoredPath(db, unitCode) };
    const chain: string[] = [];
    for (const code of [row.a1, row.a2, row.a3, row.a4, row.a5]) {
      if (!code) break;
      chain.unshift(code);
      if (code === NATION_CODE) break;
    }
    if (chain[0] !== NATION_CODE) chain.unshift(NATION_CODE);
    return { current: chain, stored: row.stored };
  }

  /** Adds the deltas to the unit's own row and to every ancestor's, in the caller's transaction. */
  async apply(tx: Tx, unitCode: string, deltas: readonly Delta[]): Promise<void> {
    const merged = new Map<string, Delta>();
    for (const d of deltas) {
      const k = `${d.indicatorCode}|${d.period}`;
      const cur = merged.get(k);
      merged.set(k, cur ? { ...cur, num: cur.num + d.num, den: cur.den + d.den } : d);
    }
    const live = [...merged.values()].filter((d) => d.num !== 0 || d.den !== 0);
    if (live.length === 0) return;
    await this.lockOrder(tx);
    const path = await this.pathFor(tx, unitCode);
    await this.upsert(tx, [
      ...live.map((d) => ({ region: unitCode, own: true, ...d })),
      ...path.flatMap((region) => live.map((d) => ({ region, own: false, ...d }))),
    ]);
  }

  /** The path to add to, relocating the unit's earlier sums first if it has moved since. */
  private async pathFor(tx: Tx, unitCode: string): Promise<string[]> {
    const { current, stored } = await this.chain(tx, unitCode);
    const joined = current.join(',');
    if (stored === null) {
      await repo.insertUnitPath(tx, unitCode, joined);
    } else if (stored !== joined) {
      await this.relocate(tx, unitCode, stored.split(','), current);
    }
    return current;
  }

  /**
   * Moves the unit's own sums (every indicator and period) from the ancestors it left to the ones it
   * joined; ancestors on both chains (e.g. the county, for a move between two of its towns) keep theirs.
   */
  async relocate(tx: Tx, unitCode: string, from: readonly string[], to: readonly string[]): Promise<void> {
    await this.lockOrder(tx);
    const left = from.filter((code) => !to.includes(code));
    const joined = to.filter((code) => !from.includes(code));
    const stored = await repo.ownSums(tx, unitCode);
    // Additions still waiting for the commit (SQLite's group) are the unit's sums too.
    const own = new Map<string, { indicator_code: string; period: string; own_num: number; own_den: number }>();
    for (const r of [...stored, ...this.counters.pending(ROLLUPS, (row) => row.region_code === unitCode)]) {
      const k = `${r.indicator_code}|${r.period}`;
      const cur = own.get(k);
      own.set(k, {
        indicator_code: r.indicator_code,
        period: r.period,
        own_num: (cur?.own_num ?? 0) + Number(r.own_num ?? 0),
        own_den: (cur?.own_den ?? 0) + Number(r.own_den ?? 0),
      });
    }
    const rows = [...own.values()].flatMap((r) => {
      const num = Number(r.own_num);
      const den = Number(r.own_den);
      if (num === 0 && den === 0) return [];
      const base = { indicatorCode: r.indicator_code, period: r.period, own: false };
      return [
        ...left.map((region) => ({ ...base, region, num: -num, den: -den })),
        ...joined.map((region) => ({ ...base, region, num, den })),
      ];
    });
    for (let i = 0; i < rows.length; i += 500) await this.upsert(tx, rows.slice(i, i + 500));
    await repo.updateUnitPath(tx, unitCode, to.join(','));
  }

  /**
   * Every unit whose stored chain differs from the regions table (after a region import moved
   * villages or towns), relocated in one transaction each. Returns the units moved.
   */
  async relocateMoved(db: Db): Promise<string[]> {
    const moved: string[] = [];
    let after = '';
    for (;;) {
      const batch = await repo.unitPathsAfter(db, after, 1000);
      if (batch.length === 0) break;
      for (const row of batch) {
        const current = (await this.currentPath(db, row.unit_code)).join(',');
        if (current === row.path) continue;
        await db.transaction().execute((tx) => this.relocate(tx, row.unit_code, row.path.split(','), current.split(',')));
        moved.push(row.unit_code);
      }
      after = batch[batch.length - 1]?.unit_code ?? after;
    }
    return moved;
  }

  private async upsert(
    tx: Tx,
    rows: readonly { region: string; indicatorCode: string; period: string; num: number; den: number; own: boolean }[],
  ): Promise<void> {
    await this.counters.add(
      tx,
      ROLLUPS,
      rows.map((r) => ({
        region_code: r.region,
        indicator_code: r.indicatorCode,
        period: r.period,
        num: r.num,
        den: r.den,
        own_num: r.own ? r.num : 0,
        own_den: r.own ? r.den : 0,
      })),
    );
  }
}
