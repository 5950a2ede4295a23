import { chinaDate, chinaMonth } from '@rg/domain/time/china-time';
import type {
  AttachmentDto,
  ServiceCreate,
  ServiceDetailDto,
  ServiceDto,
  ServiceListDto,
  ServiceListQuery,
  ServiceStatus,
  ServiceType,
  ServiceUpdate,
  ServiceVersionDto,
  ServiceWindow,
  SubjectKind,
  MyAdvisorDto,
} from '@rg/domain/legal/service.schema';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope, signedIn } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { abilitiesOf, enforce, type Policy } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/http/errors.ts';
import { carrySealed } from '@rg/domain/personal/free-text';
import { serviceEntryPolicy, type OwnAdvisor, type ServiceEntryAction, type ServiceEntrySubject } from './service-entry.policy.ts';
import { RegionsService } from '../regions/regions.facade.ts';
import { legalFiles } from './legal.attachments.ts';
import { adjustCounts } from './legal.counts.ts';
import * as ledger from './legal.ledger.repository.ts';
import * as repo from './legal.repository.ts';
import type { LegalServiceTable } from './legal.tables.ts';
import { newId } from '../../core/db/ids.ts';
import { storeAudited } from '../../core/files/store-audited.ts';
import { readAudited } from '../../core/files/read-audited.ts';

/** A record's own fields, as each version keeps them. */
type Fields = ServiceVersionDto['fields'];

/** What a row's and a list's `abilities` answer: the policy's actions under the names the console reads. */
const ROW_ABILITIES = ['edit', 'review'] as const;
const COLLECTION_ABILITIES = ['create'] as const;

type ServiceEntryPolicy = Policy<ServiceEntryAction, ServiceEntrySubject>;

/** Who reads the ledger (a region, or one advisor's own entries) and the policy deciding for them. */
interface Viewer {
  view: ledger.LedgerView;
  own: (OwnAdvisor & { name: string }) | null;
  policy: ServiceEntryPolicy;
}

function subjectOf(row: LegalServiceTable): ServiceEntrySubject {
  return { regionCode: row.village_code, advisorId: row.advisor_id, status: row.status, createdBy: row.created_by };
}

/** Clock skew allowed between a phone and the server for "not in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function fieldsOf(input: Fields): Fields {
  return {
    servedAt: new Date(input.servedAt).toISOString(),
    serviceType: input.serviceType,
    subjectKind: input.subjectKind,
    ...(input.subjectKind !== 'village' && input.subjectName ? { subjectName: input.subjectName } : {}),
    content: input.content,
    result: input.result,
    durationMinutes: input.durationMinutes,
    ...(input.attendance !== undefined ? { attendance: input.attendance } : {}),
  };
}

function columnsOf(
  fields: Fields,
): Pick<
  LegalServiceTable,
  'served_at' | 'service_type' | 'subject_kind' | 'subject_name' | 'content' | 'result' | 'duration_minutes' | 'attendance'
> {
  return {
    served_at: fields.servedAt,
    service_type: fields.serviceType,
    subject_kind: fields.subjectKind,
    subject_name: fields.subjectName ?? null,
    content: fields.content,
    result: fields.result,
    duration_minutes: fields.durationMinutes,
    attendance: fields.attendance ?? null,
  };
}

function rowFields(row: LegalServiceTable): Fields {
  return fieldsOf({
    servedAt: row.served_at,
    serviceType: row.service_type as ServiceType,
    subjectKind: row.subject_kind as SubjectKind,
    subjectName: row.subject_name ?? undefined,
    content: row.content,
    result: row.result,
    durationMinutes: Number(row.duration_minutes),
    attendance: row.attendance === null ? undefined : Number(row.attendance),
  });
}

/**
 * 服务台账 (一次一记, P1.4(3)): every service once, with its time, subject, content and result. A
 * record is evidence: an edit writes a new version and keeps the old one; the justice office
 * reviews and may send a record back for correction.
 */
export class LegalLedger {
  private readonly regions: RegionsService;

  constructor(private readonly ctx: AppContext) {
    this.regions = new RegionsService(ctx);
  }

  /** The roster entry of an advisor's own account, if the actor is one. */
  async advisorOf(actor: Actor): Promise<{ id: string; name: string } | null> {
    if (!actor.permissions.has('legal.record')) return null;
    const row = await repo.advisorOfUser(this.ctx.db, actor.userId);
    return row ? { id: row.id, name: row.name } : null;
  }

  /**
   * Whose ledger the actor reads and the policy that decides for them. Officials (`legal.read`) read
   * their region's ledger; an advisor without it reads their own entries. The roster entry is looked
   * up for advisors, and for every writer (`purpose: 'write'`), whose create and review rules need it.
   */
  async viewerOf(actor: Actor, purpose: 'read' | 'write'): Promise<Viewer> {
    const reader = actor.permissions.has('legal.read');
    const lookUp = actor.permissions.has('legal.record') && (purpose === 'write' || !reader);
    const own = (lookUp && (await ledger.advisorViewOf(this.ctx.db, actor.userId))) || null;
    const policy = serviceEntryPolicy(own);
    if (reader) return { view: { scope: listScope(actor), advisorId: null }, own, policy };
    if (!own) throw forbidden(actor.permissions.has('legal.record') ? 'legal.advisor.notLinked' : 'error.forbidden');
    return { view: { scope: actor.homeRegion, advisorId: own.id }, own, policy };
  }

  async me(rc: RequestContext): Promise<MyAdvisorDto> {
    const actor = authorize(rc.actor, 'legal.record');
    const advisor = await this.advisorOf(actor);
    if (!advisor) throw forbidden('legal.advisor.notLinked');
    const villages = (await repo.currentVillagesOf(this.ctx.db, [advisor.id])).get(advisor.id) ?? [];
    const paths = await this.regions.pathsOf(villages.map((v) => v.code));
    return { advisorId: advisor.id, name: advisor.name, villages: villages.map((v) => ({ ...v, path: paths.get(v.code) ?? v.name })) };
  }

  private async toDtos(actor: Actor, rows: ledger.ServiceRow[], policy: ServiceEntryPolicy): Promise<ServiceDto[]> {
    const paths = await this.regions.pathsOf(rows.map((r) => r.village_code));
    return rows.map((r) => {
      const abilities = abilitiesOf(policy, actor, subjectOf(r), ROW_ABILITIES);
      return {
        id: r.id,
        villageCode: r.village_code,
        villagePath: paths.get(r.village_code) ?? r.village_code,
        advisorId: r.advisor_id,
        advisorName: r.advisor_name,
        window: r.service_window as ServiceWindow,
        status: r.status as ServiceStatus,
        reviewComment: r.review_comment,
        version: Number(r.version),
        createdAt: r.created_at,
        ...rowFields(r),
        abilities,
      };
    });
  }

  /** The page of entries, and whether the actor may record one in the listed region (the collection's ability). */
  async list(rc: RequestContext, query: ServiceListQuery): Promise<ServiceListDto> {
    const actor = signedIn(rc.actor);
    const { view, own, policy } = await this.viewerOf(actor, 'read');
    if (query.regionCode)
      authorize(actor, actor.permissions.has('legal.read') ? 'legal.read' : 'legal.record', { regionCode: query.regionCode });
    const { page, pageSize, ...filters } = query;
    const { rows, total } = await ledger.listServices(this.ctx.db, view, filters, { offset: (page - 1) * pageSize, limit: pageSize });
    const listed = { regionCode: query.regionCode ?? view.scope, advisorId: own?.id ?? null, status: null, createdBy: null };
    return {
      items: await this.toDtos(actor, rows, policy),
      total,
      page,
      pageSize,
      abilities: abilitiesOf(policy, actor, listed, COLLECTION_ABILITIES),
    };
  }

  /** A record the actor may see: in their region, and their own if they are an advisor. Else 404. */
  private async load(actor: Actor, id: string, purpose: 'read' | 'write'): Promise<{ row: ledger.ServiceRow; viewer: Viewer }> {
    const viewer = await this.viewerOf(actor, purpose);
    const row = await loadInScope(actor, ledger.findService(this.ctx.db, id), (r) => r.village_code, 'legal.read');
    enforce(viewer.policy, actor, 'read', subjectOf(row));
    return { row, viewer };
  }

  async get(rc: RequestContext, id: string): Promise<ServiceDetailDto> {
    const actor = signedIn(rc.actor);
    const { row, viewer } = await this.load(actor, id, 'read');
    const [dto] = await this.toDtos(actor, [row], viewer.policy);
    if (!dto) throw notFound();
    const versions = await ledger.versionsOf(this.ctx.db, id);
    const attachments = (await legalFiles.of(this.ctx.db, [id])).get(id) ?? [];
    return {
      ...dto,
      attachments,
      versions: versions.map((v) => {
        const fields = JSON.parse(v.fields) as Fields;
        return {
          version: Number(v.version),
          editedBy: v.display_name ?? '',
          editedAt: v.edited_at,
          reason: v.reason,
          fields,
        };
      }),
    };
  }

  private notInFuture(servedAt: string): void {
    if (Date.parse(servedAt) > this.ctx.clock.now().getTime() + FUTURE_TOLERANCE_MS)
      throw invalid({ servedAt: 'legal.service.servedAt.future' });
  }

  /**
   * Who records for whom (the policy's `create`): an advisor for a village they serve now; the justice
   * office for any village in its region, for the named or the current advisor. Only a village has
   * assignments, so "no current advisor" also covers a code that is not a village.
   */
  private async author(
    actor: Actor,
    viewer: Viewer,
    villageCode: string,
    advisorId: string | undefined,
  ): Promise<{ id: string; name: string }> {
    const own = viewer.own;
    const recordsFor = advisorId ?? own?.id ?? null;
    enforce(viewer.policy, actor, 'create', { regionCode: villageCode, advisorId: recordsFor, status: null, createdBy: null });
    if (own && recordsFor === own.id) return own;
    const serving = await ledger.servingAdvisor(this.ctx.db, villageCode, advisorId);
    if (!serving) throw invalid(advisorId ? { advisorId: 'legal.service.noAdvisor' } : { villageCode: 'legal.service.noAdvisor' });
    return serving;
  }

  async create(rc: RequestContext, input: ServiceCreate): Promise<ServiceDetailDto> {
    const actor = authorize(rc.actor, 'legal.record');
    const viewer = await this.viewerOf(actor, 'write');
    const advisor = await this.author(actor, viewer, input.villageCode, input.advisorId);
    this.notInFuture(input.servedAt);
    const row = await this.ctx.db.transaction().execute((tx) => this.insert(tx, rc, actor, { ...input, advisorId: advisor.id }));
    // Answered from what was written (no re-read): the phone gets its answer sooner under load.
    const [dto] = await this.toDtos(actor, [{ ...row, advisor_name: advisor.name }], viewer.policy);
    const versions: ServiceVersionDto[] = [
      { version: 1, editedBy: actor.displayName, editedAt: row.created_at, reason: null, fields: rowFields(row) },
    ];
    return { ...(dto as ServiceDto), versions, attachments: [] };
  }

  /** Writes a checked entry, its first version, the counts, the event and the audit entry. */
  async insert(tx: Tx, rc: RequestContext, actor: Actor, input: ServiceCreate & { advisorId: string }): Promise<LegalServiceTable> {
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    const fields = fieldsOf(input);
    const row: LegalServiceTable = {
      id,
      village_code: input.villageCode,
      advisor_id: input.advisorId,
      service_window: input.window,
      ...columnsOf(fields),
      status: 'submitted',
      review_comment: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await ledger.insertService(tx, row);
    await ledger.insertVersion(tx, {
      service_id: id,
      version: 1,
      fields: JSON.stringify(fields),
      edited_by: actor.userId,
      edited_at: now,
      reason: null,
    });
    await adjustCounts(
      this.ctx.counters,
      tx,
      { villageCode: input.villageCode, month: chinaMonth(fields.servedAt), window: input.window, serviceType: fields.serviceType },
      1,
    );
    await this.ctx.events.publish(tx, {
      type: 'legal.service_recorded',
      regionCode: input.villageCode,
      occurredOn: chinaDate(fields.servedAt),
      payload: { window: input.window, serviceType: fields.serviceType },
    });
    await this.ctx.audit.append(tx, rc, {
      action: 'legal.service_create',
      objectType: 'legal_service',
      objectId: id,
      objectRegion: input.villageCode,
      detail: { window: input.window, serviceType: fields.serviceType, servedAt: fields.servedAt },
    });
    return row;
  }

  /** 修改: a new version; a returned record goes back to the office for review. Accepted records are closed. */
  async update(rc: RequestContext, id: string, input: ServiceUpdate): Promise<ServiceDetailDto> {
    const actor = authorize(rc.actor, 'legal.record');
    const { row, viewer } = await this.load(actor, id, 'write');
    enforce(viewer.policy, actor, 'edit', subjectOf(row));
    this.notInFuture(input.servedAt);
    const before = rowFields(row);
    // An editor sees the numbers of the texts masked (SECURITY.md 30): the masks sent back become the sealed numbers again.
    const fields = fieldsOf({
      ...input,
      content: carrySealed(before.content, input.content),
      result: carrySealed(before.result, input.result),
      ...(input.subjectName === undefined ? {} : { subjectName: carrySealed(before.subjectName, input.subjectName) }),
    });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await ledger.updateServiceVersioned(tx, id, input.version, { ...columnsOf(fields), status: 'submitted', updated_at: now })))
        throw conflict();
      await ledger.insertVersion(tx, {
        service_id: id,
        version: input.version + 1,
        fields: JSON.stringify(fields),
        edited_by: actor.userId,
        edited_at: now,
        reason: input.reason ?? null,
      });
      const oldKey = {
        villageCode: row.village_code,
        month: chinaMonth(before.servedAt),
        window: row.service_window,
        serviceType: before.serviceType,
      };
      const newKey = { ...oldKey, month: chinaMonth(fields.servedAt), serviceType: fields.serviceType };
      if (oldKey.month !== newKey.month || oldKey.serviceType !== newKey.serviceType) {
        await adjustCounts(this.ctx.counters, tx, oldKey, -1);
        await adjustCounts(this.ctx.counters, tx, newKey, 1);
        await this.ctx.events.publish(tx, {
          type: 'legal.service_changed',
          regionCode: row.village_code,
          occurredOn: chinaDate(fields.servedAt),
          payload: {
            window: row.service_window,
            serviceType: fields.serviceType,
            previous: { serviceType: before.serviceType, occurredOn: chinaDate(before.servedAt) },
          },
        });
      }
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.service_update',
        objectType: 'legal_service',
        objectId: id,
        objectRegion: row.village_code,
        detail: { version: input.version + 1, reason: input.reason ?? null },
      });
    });
    return this.get(rc, id);
  }

  /** 退回 (with the reason) or 通过: the justice office's review of a submitted record. */
  async review(
    rc: RequestContext,
    id: string,
    decision: { version: number; comment?: string },
    outcome: 'returned' | 'accepted',
  ): Promise<ServiceDetailDto> {
    const actor = authorize(rc.actor, 'legal.review');
    const { row, viewer } = await this.load(actor, id, 'write');
    enforce(viewer.policy, actor, 'review', subjectOf(row));
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      if (
        !(await ledger.updateServiceVersioned(tx, id, decision.version, {
          status: outcome,
          review_comment: decision.comment ?? null,
          updated_at: now,
        }))
      )
        throw conflict();
      await this.ctx.audit.append(tx, rc, {
        action: outcome === 'returned' ? 'legal.service_return' : 'legal.service_accept',
        objectType: 'legal_service',
        objectId: id,
        objectRegion: row.village_code,
        detail: { comment: decision.comment ?? null },
      });
    });
    return this.get(rc, id);
  }

  async attach(rc: RequestContext, id: string, file: { name: string; declaredType: string; data: Buffer }): Promise<AttachmentDto> {
    const actor = authorize(rc.actor, 'legal.record');
    const { row, viewer } = await this.load(actor, id, 'write');
    enforce(viewer.policy, actor, 'attach', subjectOf(row));
    return storeAudited(this.ctx, rc, actor, { ownerId: id, file, store: legalFiles.store }, (dto) => ({
      action: 'legal.service_attach',
      objectType: 'legal_service',
      objectId: id,
      objectRegion: row.village_code,
      detail: { file: dto.fileName, type: dto.contentType, size: dto.size },
    }));
  }

  async attachment(rc: RequestContext, id: string, attachmentId: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const actor = signedIn(rc.actor);
    const { row } = await this.load(actor, id, 'read');
    return readAudited(this.ctx, rc, legalFiles, attachmentId, { type: 'legal_service', id, region: row.village_code });
  }
}
