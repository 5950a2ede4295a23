import {
  DEFAULT_AID_CRITERIA,
  DEFAULT_FOLLOW_UP_DAYS,
  DEFAULT_OVERDUE_DAYS,
  type SettingsDto,
  type SettingsInput,
} from '@rg/domain/mediation/settings.schema';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { json } from './mediation.places.ts';
import * as repo from './mediation.settings.repository.ts';

/** The settings that apply at `regionCode`: its own, else the nearest ancestor's, else the defaults. */
export async function effectiveSettings(db: DbOrTx, regionCode: string): Promise<SettingsDto> {
  const chain = [...ancestorsOf(regionCode), regionCode];
  // Always seven codes (nation to group, the place repeated), so one prepared statement serves every level.
  const codes = Array.from({ length: repo.CHAIN_CODES }, (_, i) => chain[Math.min(i, chain.length - 1)] ?? regionCode);
  const rows = await repo.settingsRows(db, codes);
  const nearest = rows.sort((a, b) => b.region_code.length - a.region_code.length)[0];
  if (!nearest) {
    return {
      regionCode,
      source: null,
      overdueDays: DEFAULT_OVERDUE_DAYS,
      followUpDays: DEFAULT_FOLLOW_UP_DAYS,
      aidCriteria: [...DEFAULT_AID_CRITERIA],
    };
  }
  return {
    regionCode,
    source: nearest.region_code,
    overdueDays: nearest.overdue_days,
    followUpDays: nearest.follow_up_days,
    aidCriteria: json.parse<string[]>(nearest.aid_criteria, [...DEFAULT_AID_CRITERIA]),
  };
}

export class SettingsService {
  constructor(private readonly ctx: AppContext) {}

  async get(rc: RequestContext, regionCode: string | undefined): Promise<SettingsDto> {
    const actor = authorize(rc.actor, 'mediation.read');
    const code = regionCode ?? listScope(actor);
    authorize(actor, 'mediation.read', { regionCode: code });
    return effectiveSettings(this.ctx.db, code);
  }

  async put(rc: RequestContext, input: SettingsInput): Promise<SettingsDto> {
    authorize(rc.actor, 'mediation.manage', { regionCode: input.regionCode });
    const now = this.ctx.clock.now().toISOString();
    const row = {
      region_code: input.regionCode,
      overdue_days: input.overdueDays,
      follow_up_days: input.followUpDays,
      aid_criteria: JSON.stringify(input.aidCriteria),
      updated_at: now,
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      const before = await effectiveSettings(tx, input.regionCode);
      await repo.upsertSettings(tx, row);
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.settings_update',
        objectType: 'mediation_settings',
        objectId: input.regionCode,
        objectRegion: input.regionCode,
        detail: { before, after: input },
      });
    });
    return effectiveSettings(this.ctx.db, input.regionCode);
  }
}
