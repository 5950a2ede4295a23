import {
  DESIGNATION_ACTIONS,
  DESIGNATION_TRANSITIONS,
  type DesignationAction,
  type DesignationDto,
} from '@rg/domain/programs/designation.schema';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope, signedIn } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import { designationPolicy, type DesignationSubject } from './designation.policy.ts';
import * as repo from './designations.repository.ts';
import { todayOf } from './programs.dates.ts';

/** The designation as its policy sees it. */
export function designationSubject(row: repo.DesignationRow): DesignationSubject {
  return { regionCode: row.unit_code, organiserRegion: row.organiser_region, status: row.status };
}

/** 命名与动态管理 (P3.5(2)): honour titles of approved units; the organiser may warn or revoke them. */
export class DesignationsService {
  constructor(private readonly ctx: AppContext) {}

  toDto(actor: Actor, row: repo.DesignationRow): DesignationDto {
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
      status: row.status,
      statusReason: row.status_reason,
      abilities: abilitiesOf(designationPolicy, actor, designationSubject(row), DESIGNATION_ACTIONS),
    };
  }

  /** A designation the actor may read: its unit inside the actor's region; else 404 like a missing one. */
  async load(actor: Actor, id: string): Promise<repo.DesignationRow> {
    return loadInScope(actor, repo.findDesignation(this.ctx.db, id), (r) => r.unit_code, 'programs.read');
  }

  /**
   * Designations of units inside `regionCode` (the region itself included), within the actor's region.
   * A region above the actor's own (whose page shows the path down to it) lists the part the actor
   * sees: their own region; any other region outside answers 404.
   */
  async list(rc: RequestContext, regionCode: string | undefined, programId: string | undefined): Promise<{ items: DesignationDto[] }> {
    const actor = authorize(rc.actor, 'programs.read');
    const inside = regionCode !== undefined && !ancestorsOf(actor.homeRegion).includes(regionCode);
    const scope = inside ? regionCode : listScope(actor);
    if (inside) authorize(actor, 'programs.read', { regionCode });
    const rows = await repo.listDesignations(this.ctx.db, scope, programId);
    return { items: rows.map((r) => this.toDto(actor, r)) };
  }

  /** 警示、恢复 or 撤销 (DESIGNATION_TRANSITIONS); from any other status a 409, and nothing changes. */
  async act(rc: RequestContext, id: string, action: DesignationAction, reason: string): Promise<DesignationDto> {
    const row = await this.load(signedIn(rc.actor), id);
    const actor = enforce(designationPolicy, rc.actor, action, designationSubject(row));
    const now = this.ctx.clock.now().toISOString();
    const { from, to } = DESIGNATION_TRANSITIONS[action];
    await this.ctx.db.transaction().execute(async (tx) => {
      // The status is checked again by the update: a concurrent move wins once.
      if (!(await repo.setDesignationStatus(tx, id, from, to, reason, now)))
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
    return this.toDto(actor, updated);
  }
}
