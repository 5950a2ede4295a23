import type {
  ReportDto,
  ReportFormDto,
  ReportListQuery,
  ReportStatus,
  ReviewInput,
  SafetyReport,
} from '@rg/domain/indicators/indicators.schema';
import { REPORT_ACTIONS } from '@rg/domain/indicators/indicators.schema';
import { dueDateOf, periodRange } from '@rg/domain/indicators/period';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { conflict, invalid, notFound } from '../../core/http/errors.ts';
import { findRegion, findRegions } from '../regions/regions.facade.ts';
import type { IndicatorReportTable } from './indicators.tables.ts';
import { reportPolicy, type ReportSubject } from './report.policy.ts';
import { contributionsOf, difference } from './report-contributions.ts';
import type { PeriodLocks } from './indicators.period-locks.ts';
import type { RollupEngine } from './rollup.engine.ts';
import * as repo from './reports.repository.ts';
import { newId } from '../../core/db/ids.ts';

/**
 * 平安乡村季度填报 (P3.3(三)2): a village enters its form once a quarter, the town reviews it
 * (approve or return with a reason), the town or county locks the quarter. Every change goes to the
 * roll-up in the same transaction, so the scorecards show it at once.
 */
export class ReportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly engine: RollupEngine,
    private readonly locks: PeriodLocks,
  ) {}

  private toDto(actor: Actor, row: IndicatorReportTable, unitName: string, locked: boolean): ReportDto {
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
      abilities: abilitiesOf(reportPolicy, actor, subjectOf(row.unit_code, row, locked), REPORT_ACTIONS),
    };
  }

  private async loadVillage(unitCode: string) {
    const region = await findRegion(this.ctx.db, unitCode);
    if (!region) throw notFound('region.notFound');
    if (region.level !== 'village') throw invalid({ unitCode: 'indicators.report.notVillage' });
    return region;
  }

  async form(rc: RequestContext, unitCode: string, period: string): Promise<ReportFormDto> {
    const actor = enforce(reportPolicy, rc.actor, 'read', subjectOf(unitCode, null, false));
    const region = await this.loadVillage(unitCode);
    const locked = await this.locks.isLocked(this.ctx.db, unitCode, period);
    const row = await repo.findReportOf(this.ctx.db, unitCode, period);
    return {
      unitCode,
      unitName: region.name,
      period,
      dueDate: dueDateOf(period),
      locked,
      report: row ? this.toDto(actor, row, region.name, locked) : null,
      abilities: { submit: reportPolicy(actor, 'edit', subjectOf(unitCode, row ?? null, locked)).ok },
    };
  }

  async submit(rc: RequestContext, input: SafetyReport): Promise<ReportDto> {
    const actor = enforce(reportPolicy, rc.actor, 'report', subjectOf(input.unitCode, null, false));
    const region = await this.loadVillage(input.unitCode);
    if (input.safeFamilies > input.households) throw invalid({ safeFamilies: 'indicators.report.safeFamiliesOverHouseholds' });
    const today = this.ctx.clock.now().toISOString().slice(0, 10);
    if (periodRange(input.period).from > today) throw invalid({ period: 'indicators.report.future' });
    const now = this.ctx.clock.now().toISOString();
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const locked = await this.locks.isLocked(tx, input.unitCode, input.period);
      const before = await repo.findReportOf(tx, input.unitCode, input.period);
      enforce(reportPolicy, actor, 'edit', subjectOf(input.unitCode, before ?? null, locked));
      if (before && input.version !== undefined && input.version !== before.version) throw conflict('indicators.report.stale');
      const values: repo.ReportValues = {
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
        if (!(await repo.updateReportVersioned(tx, before.id, before.version, { ...values, version: before.version + 1 })))
          throw conflict('indicators.report.stale');
      } else {
        reportId = newId();
        await repo.insertReport(tx, { id: reportId, unit_code: input.unitCode, period: input.period, ...values, version: 1 });
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
    const row = await repo.findReport(this.ctx.db, id);
    if (!row) throw notFound();
    return this.toDto(actor, row, region.name, false);
  }

  async review(rc: RequestContext, id: string, input: ReviewInput): Promise<ReportDto> {
    const row = await repo.findReport(this.ctx.db, id);
    if (!row) throw notFound();
    // Region, level, four-eyes and status before the input is looked at; the lock is read in the transaction.
    const actor = enforce(reportPolicy, rc.actor, 'review', subjectOf(row.unit_code, row, false));
    if (input.decision === 'return' && !input.note) throw invalid({ note: 'indicators.review.noteRequired' });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const locked = await this.locks.isLocked(tx, row.unit_code, row.period);
      const current = await repo.findReport(tx, id);
      if (!current) throw notFound();
      enforce(reportPolicy, actor, 'review', subjectOf(current.unit_code, current, locked));
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
      const written = await repo.updateReportVersioned(tx, id, current.version, {
        status,
        reviewed_at: now,
        reviewed_by: actor.username,
        review_note: input.note ?? null,
        version: after.version,
      });
      if (!written) throw conflict('indicators.report.stale');
      await this.engine.apply(tx, row.unit_code, difference(contributionsOf(after), contributionsOf(current)));
      await this.ctx.audit.append(tx, rc, {
        action: `indicators.report_${input.decision}`,
        objectType: 'indicator_report',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { period: row.period, note: input.note ?? null },
      });
    });
    const updated = await repo.findReport(this.ctx.db, id);
    if (!updated) throw notFound();
    const region = await findRegion(this.ctx.db, row.unit_code);
    return this.toDto(actor, updated, region?.name ?? row.unit_code, false);
  }

  async list(rc: RequestContext, query: ReportListQuery): Promise<{ items: ReportDto[]; total: number; page: number; pageSize: number }> {
    const actor = authorize(rc.actor, 'indicators.read');
    const scope = query.regionCode ?? listScope(actor);
    authorize(actor, 'indicators.read', { regionCode: scope });
    const { rows, total } = await repo.listReports(
      this.ctx.db,
      { scope, period: query.period, status: query.status },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    );
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
    const locked = await repo.lockedRegions(this.ctx.db, query.period);
    const isLocked = (unit: string) => [...ancestorsOf(unit), unit].some((code) => locked.has(code));
    return {
      items: rows.map((r) => this.toDto(actor, r, names.get(r.unit_code) ?? r.unit_code, isLocked(r.unit_code))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

/** The policy's view of a village's form (or of the village before its first form). */
function subjectOf(unitCode: string, row: Pick<IndicatorReportTable, 'status' | 'submitted_by'> | null, locked: boolean): ReportSubject {
  return { regionCode: unitCode, status: row?.status ?? null, submittedBy: row?.submitted_by ?? null, locked };
}
