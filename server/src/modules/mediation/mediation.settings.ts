import {
  DEFAULT_AID_CRITERIA,
  DEFAULT_FOLLOW_UP_DAYS,
  DEFAULT_OVERDUE_DAYS,
  type SettingsDto,
  type SettingsInput,
} from '@rg/domain/mediation/settings.schema';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { listScope, signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { committeePolicy } from './committee.policy.ts';
import { json, Places } from './mediation.places.ts';
import * as repo from './mediation.settings.repository.ts';

/** The values that apply at a place, without what the viewer may do with them. */
export type EffectiveSettings = Omit<SettingsDto, 'abilities' | 'sourceName'>;

/** The settings that apply at `regionCode`: its own, else the nearest ancestor's, else the defaults. */
export async function effectiveSettings(db: DbOrTx, regionCode: string): Promise<EffectiveSettings> {
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
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  async get(rc: RequestContext, regionCode: string | undefined): Promise<SettingsDto> {
    const actor = signedIn(rc.actor);
    const code = regionCode ?? listScope(actor);
    enforce(committeePolicy, actor, 'read', { regionCode: code });
    return this.present(actor, await effectiveSettings(this.ctx.db, code));
  }

  /** The settings as the console shows them: where they come from by name, and whether the viewer may change them. */
  private async present(actor: Actor, settings: EffectiveSettings): Promise<SettingsDto> {
    const sourceName = settings.source === null ? null : (await this.places.ref(settings.source)).name;
    return { ...settings, sourceName, abilities: { update: committeePolicy(actor, 'configure', { regionCode: settings.regionCode }).ok } };
  }

  async put(rc: RequestContext, input: SettingsInput): Promise<SettingsDto> {
    const actor = enforce(committeePolicy, rc.actor, 'configure', { regionCode: input.regionCode });
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
    return this.present(actor, await effectiveSettings(this.ctx.db, input.regionCode));
  }
}
