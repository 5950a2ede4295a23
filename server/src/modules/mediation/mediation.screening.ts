import {
  periodDueOn,
  type ScreeningCompletenessDto,
  type ScreeningCreate,
  type ScreeningDto,
  type ScreeningItemDto,
} from '@rg/domain/mediation/screening.schema';
import { levelOf, REGION_LEVELS, type RegionLevel } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import { listScope, signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError, invalid, notFound } from '../../core/http/errors.ts';
import { chinaToday } from './mediation.cases.ts';
import { json, Places } from './mediation.places.ts';
import * as repo from './mediation.screening.repository.ts';
import { caseCollection, casePolicy } from './case.policy.ts';
import { screeningPolicy } from './screening.policy.ts';
import type { MediationScreeningTable } from './mediation.tables.ts';
import { newId } from '../../core/db/ids.ts';

const MISSING_LIMIT = 200;

function childLevel(level: RegionLevel): Exclude<RegionLevel, 'nation'> {
  if (level === 'village' || level === 'group') return 'village';
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] as Exclude<RegionLevel, 'nation'>;
}

/** 矛盾纠纷排查 (P1.4(4)「积极开展矛盾纠纷排查调处」): monthly village reports, nil reports explicit. */
export class ScreeningService {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  private dto(row: MediationScreeningTable, villageName: string): ScreeningDto {
    return {
      id: row.id,
      villageCode: row.village_code,
      villageName,
      period: row.period,
      nil: row.nil === 1,
      items: json.parse<ScreeningItemDto[]>(row.items, []),
      note: row.note,
      submittedOn: row.submitted_on,
      onTime: row.on_time === 1,
      submittedBy: row.submitted_by,
    };
  }

  async submit(rc: RequestContext, input: ScreeningCreate): Promise<ScreeningDto> {
    const actor = enforce(screeningPolicy, rc.actor, 'submit', { regionCode: input.villageCode });
    const village = await this.places.existing(input.villageCode, 'villageCode');
    if (village.level !== 'village') throw invalid({ villageCode: 'mediation.screening.notVillage' });
    const today = chinaToday(this.ctx.clock.now());
    if (input.period > today.slice(0, 7)) throw invalid({ period: 'mediation.period.future' });
    const exists = await repo.hasReport(this.ctx.db, input.villageCode, input.period);
    if (exists) throw new AppError('conflict', 'mediation.screening.duplicate');
    const row: MediationScreeningTable = {
      id: newId(),
      village_code: input.villageCode,
      period: input.period,
      nil: input.nil ? 1 : 0,
      disputes: input.items.length,
      items: JSON.stringify(input.items),
      note: input.note ?? null,
      submitted_on: today,
      on_time: today <= periodDueOn(input.period) ? 1 : 0,
      submitted_by: actor.displayName,
      created_at: this.ctx.clock.now().toISOString(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertReport(tx, row);
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.screening_submit',
        objectType: 'mediation_screening',
        objectId: row.id,
        objectRegion: input.villageCode,
        detail: { period: input.period, nil: input.nil, disputes: row.disputes, onTime: row.on_time === 1 },
      });
      await this.ctx.events.publish(tx, {
        type: 'mediation.screening_submitted',
        regionCode: input.villageCode,
        occurredOn: today,
        payload: { period: input.period, nil: input.nil, disputes: row.disputes, onTime: row.on_time === 1 },
      });
    });
    return this.dto(row, village.name);
  }

  /** A report as `submit` answered it, for an idempotent retry after a crash (issue 15 finding 1). */
  async submitted(rc: RequestContext, id: string): Promise<ScreeningDto> {
    const row = await repo.findReport(this.ctx.db, id);
    if (!row) throw notFound();
    enforce(screeningPolicy, rc.actor, 'submit', { regionCode: row.village_code });
    const village = await this.places.existing(row.village_code, 'villageCode');
    return this.dto(row, village.name);
  }

  /** Expected / submitted / on time for a period, per child region, with the villages still missing. */
  async completeness(rc: RequestContext, regionCode: string | undefined, period: string): Promise<ScreeningCompletenessDto> {
    const actor = signedIn(rc.actor);
    const code = regionCode ?? listScope(actor);
    enforce(screeningPolicy, actor, 'read', { regionCode: code });
    const region = await this.places.existing(code, 'regionCode');
    const level = childLevel(levelOf(code));
    const rows = await repo.completenessByChild(this.ctx.db, code, level, period);
    const refs = await this.places.refs(rows.map((r) => r.child));
    const children = rows.map((r) => ({
      code: r.child,
      name: refs.get(r.child)?.name ?? r.child,
      expected: Number(r.expected),
      submitted: Number(r.submitted),
      onTime: Number(r.on_time ?? 0),
      nil: Number(r.nil ?? 0),
      disputes: Number(r.disputes ?? 0),
    }));
    const sum = (pick: (c: (typeof children)[number]) => number) => children.reduce((n, c) => n + pick(c), 0);
    const missing = await repo.missingVillages(this.ctx.db, code, period, MISSING_LIMIT);
    const missingRefs = await this.places.refs(missing.map((m) => m.code));
    const reports = await repo.reportsOf(this.ctx.db, code, period, MISSING_LIMIT);
    const expected = sum((c) => c.expected);
    const submitted = sum((c) => c.submitted);
    const onTime = sum((c) => c.onTime);
    return {
      region: { code, name: region.name },
      period,
      dueOn: periodDueOn(period),
      expected,
      submitted,
      onTime,
      late: submitted - onTime,
      missing: expected - submitted,
      disputes: sum((c) => c.disputes),
      children,
      missingVillages: missing.map((m) => ({ code: m.code, path: missingRefs.get(m.code)?.path ?? m.code })),
      reports: reports.map((r) => this.dto(r, r.village_name)),
      abilities: {
        submit: screeningPolicy(actor, 'submit', { regionCode: code }).ok,
        registerCase: casePolicy(actor, 'create', caseCollection(code)).ok,
      },
    };
  }
}
