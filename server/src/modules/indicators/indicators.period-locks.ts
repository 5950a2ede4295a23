import type { LockDto } from '@rg/domain/indicators/indicators.schema';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { invalid, notFound } from '../../core/http/errors.ts';
import { findRegion } from '../regions/regions.facade.ts';
import { isClosable, periodLockPolicy } from './period-lock.policy.ts';
import type { RollupEngine } from './rollup.engine.ts';
import * as repo from './reports.repository.ts';

/** 锁定 (P3.3(三)2): the town or county closes a quarter; no form of its villages changes after that. */
export class PeriodLocks {
  constructor(
    private readonly ctx: AppContext,
    private readonly engine: RollupEngine,
  ) {}

  /** A period is locked for a unit when it or any region above it (by code or by its current parent) locked it. */
  async isLocked(db: DbOrTx, unitCode: string, period: string): Promise<boolean> {
    const chain = [...new Set([...ancestorsOf(unitCode), ...(await this.engine.currentPath(db, unitCode)), unitCode])];
    return repo.isLockedAt(db, period, chain);
  }

  async lock(rc: RequestContext, regionCode: string, period: string): Promise<LockDto> {
    const actor = enforce(periodLockPolicy, rc.actor, 'lock', { regionCode, locked: false });
    if (!(await findRegion(this.ctx.db, regionCode))) throw notFound('region.notFound');
    if (!isClosable(regionCode)) throw invalid({ regionCode: 'indicators.lock.level' });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      // Closed by the region itself or by one above it: closing it again changes nothing (409).
      enforce(periodLockPolicy, actor, 'lock', { regionCode, locked: await this.isLocked(tx, regionCode, period) });
      await repo.insertLock(tx, { region_code: regionCode, period, locked_at: now, locked_by: actor.username });
      await this.ctx.audit.append(tx, rc, {
        action: 'indicators.period_lock',
        objectType: 'region',
        objectId: regionCode,
        objectRegion: regionCode,
        detail: { period },
      });
    });
    return { regionCode, period, lockedAt: now };
  }
}
