import { REPORTING_COUNTERS } from '@rg/domain/indicators/catalogue';
import type {
  CompletenessDto,
  CompletenessRow,
  ReportDto,
  ReportFormDto,
  ReportListQuery,
  ReportStatus,
  ReviewInput,
  SafetyReport,
} from '@rg/domain/indicators/indicators.schema';
import { dueDateOf, periodRange } from '@rg/domain/indicators/period';
import { ancestorsOf, codeLength, levelOf, REGION_LEVELS, type RegionLevel } from '@rg/domain/regions/region-code';
import { sql } from 'kysely';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../core/http/errors.ts';
import { findRegion, findRegions } from '../regions/regions.facade.ts';
import type { IndicatorReportTable } from './indicators.tables.ts';
import { contributionsOf, difference } from './report-contributions.ts';
import type { RollupEngine } from './rollup.engine.ts';
import { newId } from '../../core/db/ids.ts';

const EXPECTED_TTL_MS = 5 * 60_000;

/**
 * 平安乡村季度填报 (P3.3(三)2): a village enters its form once a quarter, the town reviews it
 * (approve or return with a reason), the town or county locks the quarter. Every change goes to the
 * roll-up in the same transaction, so the scorecards show it at once.
 */
export class ReportService {
  /** Villages per region change only with a region import: counted once per five minutes. */
  private readonly expectedCache = new Map<string, { at: number; rows: Map<string, number> }>();

  constructor(
    private readonly ctx: AppContext,
    private readonly engine: RollupEngine,
  ) {}

  private toDto(actor: Actor, row: IndicatorReportTable, unitName: string, locked: boolean): ReportDto {
    const target = { regionCode: row.unit_code };
    return {
      id: row.id,
      unitCode: row.unit_code,
      unitName,
      period: row.period,
      status: row.status as ReportStatus,
      sixNone: row.six_none === 1,
      households: row.households,
      safeFamilies: row.safe_families,
      centreStandardized: row.centre_standardized === 1,
      policeOnCommittee: row.police_on_committee === 1,
      submittedAt: row.submitted_at,
      submittedBy: row.submitted_by,
      onTime: row.on_time === 1,
      reviewedAt: row.reviewed_at,
      reviewedBy: row.reviewed_by,
      reviewNote: row.review_note,
      version: row.version,
      abilities: {
        edit: !locked && row.status !== 'approved' && can(actor, 'indicators.report', target),
        review: !locked && row.status === 'submitted' && actor.homeRegion !== row.unit_code && can(actor, 'indicators.review', target),
      },
    };
  }

  /** A period is locked for a unit when it or any region above it (by code or by its current parent) locked it. */
  async isLocked(db: DbOrTx, unitCode: string, period: string): Promise<boolean> {
    const chain = [...new Set([...ancestorsOf(unitCode), ...(await this.engine.currentPath(db, unitCode)), unitCode])];
    const row = await db
      .selectFrom('indicator_period_locks')
      .select('region_code')
      .where('period', '=', period)
      .where('region_code', 'in', chain)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async loadVillage(unitCode: string) {
    const region = await findRegion(this.ctx.db, unitCode);
    if (!region) throw notFound('region.notFound');
    if (region.level !== 'village') throw invalid({ unitCode: 'indicators.report.notVillage' });
    return region;
  }

  async form(rc: RequestContext, unitCode: string, period: string): Promise<ReportFormDto> {
    const actor = authorize(rc.actor, 'indicators.read', { regionCode: unitCode });
    const region = await this.loadVillage(unitCode);
    const locked = await this.isLocked(this.ctx.db, unitCode, period);
    const row = await this.ctx.db
      .selectFrom('indicator_reports')
      .selectAll()
      .where('unit_code', '=', unitCode)
      .where('period', '=', period)
      .executeTakeFirst();
    return {
      unitCode,
      unitName: region.name,
      period,
      dueDate: dueDateOf(period),
      locked,
      report: row ? this.toDto(actor, row, region.name, locked) : null,
    };
  }

  async submit(rc: RequestContext, input: SafetyReport): Promise<ReportDto> {
    const actor = authorize(rc.actor, 'indicators.report', { regionCode: input.unitCode });
    const region = await this.loadVillage(input.unitCode);
    if (input.safeFamilies > input.households) throw invalid({ safeFamilies: 'indicators.report.safeFamiliesOverHouseholds' });
    const today = this.ctx.clock.now().toISOString().slice(0, 10);
    if (periodRange(input.period).from > today) throw invalid({ period: 'indicators.report.future' });
    const now = this.ctx.clock.now().toISOString();
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      if (await this.isLocked(tx, input.unitCode, input.period)) throw conflict('indicators.report.locked');
      const before = await tx
        .selectFrom('indicator_reports')
        .selectAll()
        .where('unit_code', '=', input.unitCode)
        .where('period', '=', input.period)
        .executeTakeFirst();
      if (before?.status === 'approved') throw conflict('indicators.report.approved');
      if (before && input.version !== undefined && input.version !== before.version) throw conflict('indicators.report.stale');
      const values = {
        status: 'submitted',
        six_none: input.sixNone ? 1 : 0,
        households: input.households,
        safe_families: input.safeFamilies,
        centre_standardized: input.centreStandardized ? 1 : 0,
        police_on_committee: input.policeOnCommittee ? 1 : 0,
        submitted_at: now,
        submitted_by: actor.username,
        on_time: today <= dueDateOf(input.period) ? 1 : 0,
        reviewed_at: null,
        reviewed_by: null,
        review_note: null,
      };
      let reportId: string;
      if (before) {
        reportId = before.id;
        const updated = await tx
          .updateTable('indicator_reports')
          .set({ ...values, version: before.version + 1 })
          .where('id', '=', before.id)
          .where('version', '=', before.version)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw conflict('indicators.report.stale');
      } else {
        reportId = newId();
        await tx
          .insertInto('indicator_reports')
          .values({ id: reportId, unit_code: input.unitCode, period: input.period, ...values, version: 1 })
          .execute();
      }
      await this.engine.apply(
        tx,
        input.unitCode,
        difference(contributionsOf({ period: input.period, ...values }), contributionsOf(before)),
      );
      await this.ctx.audit.append(tx, rc, {
        action: before ? 'indicators.report_resubmit' : 'indicators.report_submit',
        objectType: 'indicator_report',
        objectId: reportId,
        objectRegion: input.unitCode,
        detail: { period: input.period, after: values, ...(before ? { before: { ...before, id: undefined } } : {}) },
      });
      return reportId;
    });
    const row = await this.ctx.db.selectFrom('indicator_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return this.toDto(actor, row, region.name, false);
  }

  async review(rc: RequestContext, id: string, input: ReviewInput): Promise<ReportDto> {
    const actor = authorize(rc.actor, 'indicators.review');
    const row = await this.ctx.db.selectFrom('indicator_reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    authorize(actor, 'indicators.review', { regionCode: row.unit_code });
    // The village does not approve its own form: the town (or the county) does.
    if (actor.homeRegion === row.unit_code) throw new AppError('forbidden', 'indicators.review.ownLevel');
    if (input.decision === 'return' && !input.note) throw invalid({ note: 'indicators.review.noteRequired' });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      if (await this.isLocked(tx, row.unit_code, row.period)) throw conflict('indicators.report.locked');
      const current = await tx.selectFrom('indicator_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      if (current.status !== 'submitted') throw conflict('indicators.review.notSubmitted');
      if (current.version !== input.version) throw conflict('indicators.report.stale');
      const status = input.decision === 'approve' ? 'approved' : 'returned';
      const after = {
        ...current,
        status,
        reviewed_at: now,
        reviewed_by: actor.username,
        review_note: input.note ?? null,
        version: current.version + 1,
      };
      await tx
        .updateTable('indicator_reports')
        .set({ status, reviewed_at: now, reviewed_by: actor.username, review_note: input.note ?? null, version: after.version })
        .where('id', '=', id)
        .execute();
      await this.engine.apply(tx, row.unit_code, difference(contributionsOf(after), contributionsOf(current)));
      await this.ctx.audit.append(tx, rc, {
        action: `indicators.report_${input.decision}`,
        objectType: 'indicator_report',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { period: row.period, note: input.note ?? null },
      });
    });
    const updated = await this.ctx.db.selectFrom('indicator_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const region = await findRegion(this.ctx.db, row.unit_code);
    return this.toDto(actor, updated, region?.name ?? row.unit_code, false);
  }

  async list(rc: RequestContext, query: ReportListQuery): Promise<{ items: ReportDto[]; total: number; page: number; pageSize: number }> {
    const actor = authorize(rc.actor, 'indicators.read');
    const scope = query.regionCode ?? listScope(actor);
    authorize(actor, 'indicators.read', { regionCode: scope });
    let base = this.ctx.db
      .selectFrom('indicator_reports')
      .where('period', '=', query.period)
      .where((eb) => withinScope(eb, 'unit_code', scope));
    if (query.status) base = base.where('status', '=', query.status);
    const rows = await base
      .selectAll()
      .orderBy('status', 'desc')
      .orderBy('unit_code')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .execute();
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const names = new Map(
      (
        await findRegions(
          this.ctx.db,
          rows.map((r) => r.unit_code),
        )
      ).map((r) => [r.code, r.name]),
    );
    // The period's locks are few: read them once and test each row's chain (by code) against them,
    // instead of two queries per row. Writes still check the full chain (isLocked).
    const locked = new Set(
      (await this.ctx.db.selectFrom('indicator_period_locks').select('region_code').where('period', '=', query.period).execute()).map(
        (l) => l.region_code,
      ),
    );
    const isLocked = (unit: string) => [...ancestorsOf(unit), unit].some((code) => locked.has(code));
    return {
      items: rows.map((r) => this.toDto(actor, r, names.get(r.unit_code) ?? r.unit_code, isLocked(r.unit_code))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async lock(rc: RequestContext, regionCode: string, period: string): Promise<{ regionCode: string; period: string; lockedAt: string }> {
    const actor = authorize(rc.actor, 'indicators.review', { regionCode });
    const region = await findRegion(this.ctx.db, regionCode);
    if (!region) throw notFound('region.notFound');
    if (region.level === 'village' || region.level === 'group') throw invalid({ regionCode: 'indicators.lock.level' });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const existing = await tx
        .selectFrom('indicator_period_locks')
        .select('region_code')
        .where('region_code', '=', regionCode)
        .where('period', '=', period)
        .executeTakeFirst();
      if (existing) throw conflict('indicators.lock.already');
      await tx
        .insertInto('indicator_period_locks')
        .values({ region_code: regionCode, period, locked_at: now, locked_by: actor.username })
        .execute();
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

  /** Villages per child region (by code), counted from the regions table and kept five minutes. */
  private async expectedByChild(regionCode: string, level: RegionLevel): Promise<Map<string, number>> {
    const cached = this.expectedCache.get(regionCode);
    if (cached && Date.now() - cached.at < EXPECTED_TTL_MS) return cached.rows;
    const childLength =
      level === 'town' || level === 'village'
        ? codeLength('village')
        : codeLength(REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] as Exclude<RegionLevel, 'nation'>);
    const child = sql<string>`substr(code, 1, ${sql.lit(childLength)})`;
    const rows = await this.ctx.db
      .selectFrom('regions')
      .select((eb) => [child.as('child'), eb.fn.countAll<number>().as('n')])
      .where('level', '=', 'village')
      .where((eb) => withinScope(eb, 'code', regionCode))
      .groupBy(child)
      .execute();
    const map = new Map(rows.map((r) => [r.child, Number(r.n)]));
    this.expectedCache.set(regionCode, { at: Date.now(), rows: map });
    return map;
  }

  /** 填报完成情况: expected (villages), submitted, on time and approved, for the region and each child. */
  async completeness(rc: RequestContext, regionCode: string | undefined, period: string): Promise<CompletenessDto> {
    const actor = authorize(rc.actor, 'indicators.read');
    const code = regionCode ?? listScope(actor);
    authorize(actor, 'indicators.read', { regionCode: code });
    const region = await findRegion(this.ctx.db, code);
    if (!region) throw notFound('region.notFound');
    const level = levelOf(code);
    const expected = await this.expectedByChild(code, level);
    const children =
      level === 'village'
        ? []
        : await this.ctx.db.selectFrom('regions').select(['code', 'name']).where('parent_code', '=', code).orderBy('code').execute();
    const codes = [code, ...children.map((c) => c.code)];
    const counters = Object.values(REPORTING_COUNTERS);
    const rows = await this.ctx.db
      .selectFrom('indicator_rollups')
      .select(['region_code', 'indicator_code', 'num'])
      .where('region_code', 'in', codes)
      .where('indicator_code', 'in', counters)
      .where('period', '=', period)
      .execute();
    const counter = (c: string, k: string) => Number(rows.find((r) => r.region_code === c && r.indicator_code === k)?.num ?? 0);
    const rowOf = (c: string, name: string, exp: number): CompletenessRow => ({
      code: c,
      name,
      expected: exp,
      submitted: counter(c, REPORTING_COUNTERS.submitted),
      onTime: counter(c, REPORTING_COUNTERS.onTime),
      approved: counter(c, REPORTING_COUNTERS.approved),
    });
    const total = level === 'village' ? 1 : [...expected.values()].reduce((a, b) => a + b, 0);
    return {
      ...rowOf(code, region.name, total),
      period,
      dueDate: dueDateOf(period),
      locked: await this.isLocked(this.ctx.db, code, period),
      children: children.map((c) => rowOf(c.code, c.name, expected.get(c.code) ?? (level === 'town' ? 1 : 0))),
    };
  }
}
