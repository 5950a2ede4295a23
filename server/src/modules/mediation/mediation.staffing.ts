import {
  TOWN_FULL_TIME_REQUIRED,
  VILLAGE_FULL_TIME_REQUIRED,
  type StaffingDto,
  type StaffingGapDto,
} from '@rg/domain/mediation/committee.schema';
import type { RequestContext } from '../../core/access/actor.ts';
import { listScope, signedIn } from '../../core/access/authorize.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { toXlsx } from '../../core/export/xlsx.ts';
import { committeePolicy } from './committee.policy.ts';
import * as repo from './mediation.committees.repository.ts';
import { Places } from './mediation.places.ts';

const GAP_LIMIT = 200;
const EXPORT_LIMIT = 20_000;

/** 调解员配备 (P3.3(三)1): every town needs two, every village one, active full-time mediator. */
export class StaffingService {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  private async compute(
    rc: RequestContext,
    regionCode: string | undefined,
    access: 'read' | 'export',
    limit: number,
  ): Promise<StaffingDto> {
    const actor = signedIn(rc.actor);
    const code = regionCode ?? listScope(actor);
    enforce(committeePolicy, actor, access, { regionCode: code });
    const region = await this.places.existing(code, 'regionCode');
    const [towns, villages] = await Promise.all([
      repo.placesWithFullTime(this.ctx.db, code, 'town'),
      repo.placesWithFullTime(this.ctx.db, code, 'village'),
    ]);
    const shortTowns = towns.filter((t) => t.fullTime < TOWN_FULL_TIME_REQUIRED);
    const shortVillages = villages.filter((v) => v.fullTime < VILLAGE_FULL_TIME_REQUIRED);
    const shortList = [
      ...shortTowns.map((t) => ({ ...t, level: 'town' as const, required: TOWN_FULL_TIME_REQUIRED })),
      ...shortVillages.map((v) => ({ ...v, level: 'village' as const, required: VILLAGE_FULL_TIME_REQUIRED })),
    ].slice(0, limit);
    const refs = await this.places.refs(shortList.map((g) => g.code));
    const gaps: StaffingGapDto[] = shortList.map((g) => ({ ...g, path: refs.get(g.code)?.path ?? g.name }));
    return {
      region: { code, name: region.name },
      towns: { total: towns.length, compliant: towns.length - shortTowns.length, short: shortTowns.length },
      villages: { total: villages.length, compliant: villages.length - shortVillages.length, short: shortVillages.length },
      gaps,
      totalShort: shortTowns.length + shortVillages.length,
      abilities: abilitiesOf(committeePolicy, actor, { regionCode: code }, ['export']),
    };
  }

  staffing(rc: RequestContext, regionCode: string | undefined): Promise<StaffingDto> {
    return this.compute(rc, regionCode, 'read', GAP_LIMIT);
  }

  /** The short list as .xlsx (permission-checked, audited: SECURITY.md 15). */
  async exportGaps(rc: RequestContext, regionCode: string | undefined): Promise<Buffer> {
    const dto = await this.compute(rc, regionCode, 'export', EXPORT_LIMIT);
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.mediation_staffing',
      objectType: 'region',
      objectRegion: dto.region.code,
      detail: { rows: dto.gaps.length },
    });
    return toXlsx(
      '调解员配备未达标',
      [
        { header: '区划代码', value: (g) => g.code },
        { header: '乡镇或村（社区）', width: 30, value: (g) => g.path },
        { header: '层级', value: (g) => (g.level === 'town' ? '乡镇（街道）' : '村（社区）') },
        { header: '已配专职调解员', value: (g) => g.fullTime },
        { header: '应配专职调解员', value: (g) => g.required },
        { header: '缺少', value: (g) => g.required - g.fullTime },
        { header: '已建调委会', value: (g) => (g.hasCommittee ? '是' : '否') },
      ],
      dto.gaps,
    );
  }
}
