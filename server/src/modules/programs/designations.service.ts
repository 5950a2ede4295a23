import type { DesignationDto, DesignationStatus } from '@rg/domain/programs/designation.schema';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import { todayOf } from './programs.dates.ts';
import * as repo from './designations.repository.ts';

/** 命名与动态管理 (P3.5(2)): honour titles of approved units; the organiser may warn or revoke them. */
export class DesignationsService {
  constructor(private readonly ctx: AppContext) {}

  toDto(rc: RequestContext, row: repo.DesignationRow): DesignationDto {
    return {
      id: row.id,
      programId: row.program_id,
      programName: row.program_name,
      batch: row.batch,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      title: row.title,
      designatedOn: row.designated_on,
      validUntil: row.valid_until,
      status: row.status as DesignationStatus,
      statusReason: row.status_reason,
      abilities: { manage: rc.actor !== null && can(rc.actor, 'programs.manage', { regionCode: row.organiser_region }) },
    };
  }

  /** Designations of units inside `regionCode` (the region itself included), within the actor's region. */
  async list(rc: RequestContext, regionCode: string | undefined, programId: string | undefined): Promise<{ items: DesignationDto[] }> {
    const actor = authorize(rc.actor, 'programs.read');
    const scope = regionCode ?? listScope(actor);
    if (regionCode) authorize(actor, 'programs.read', { regionCode });
    const rows = await repo.listDesignations(this.ctx.db, scope, programId);
    return { items: rows.map((r) => this.toDto(rc, r)) };
  }

  /**
   * 警示 (active → warned), 恢复 after 整改 (warned → active) or 撤销 (active/warned → revoked); any other state
   * is a 409 and nothing changes.
   */
  async act(rc: RequestContext, id: string, action: 'warn' | 'restore' | 'revoke', reason: string): Promise<DesignationDto> {
    const actor = authorize(rc.actor, 'programs.manage');
    const row = await repo.findDesignation(this.ctx.db, id);
    if (!row) throw notFound();
    authorize(actor, 'programs.read', { regionCode: row.unit_code });
    authorize(actor, 'programs.manage', { regionCode: row.organiser_region });
    const now = this.ctx.clock.now().toISOString();
    const from = action === 'warn' ? ['active'] : action === 'restore' ? ['warned'] : ['active', 'warned'];
    const status = action === 'warn' ? 'warned' : action === 'restore' ? 'active' : 'revoked';
    await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.setDesignationStatus(tx, id, from, status, reason, now)))
        throw new AppError('conflict', 'programs.designation.wrongState');
      await this.ctx.audit.append(tx, rc, {
        action: `programs.designation_${action}`,
        objectType: 'program_designation',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { reason, from: row.status },
      });
      if (action === 'revoke') {
        await this.ctx.events.publish(tx, {
          type: 'programs.revoked',
          regionCode: row.unit_code,
          occurredOn: todayOf(this.ctx.clock),
          payload: { designationId: id, programId: row.program_id, title: row.title, reason },
        });
      }
    });
    const updated = await repo.findDesignation(this.ctx.db, id);
    if (!updated) throw notFound();
    return this.toDto(rc, updated);
  }
}
