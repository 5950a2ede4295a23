import type { ProgramDetailDto, QuotaItem } from '@rg/domain/programs/program.schema';
import { isWithin, levelOf } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { cellAt } from '../../core/files/sheet-text.ts';
import { readSheets } from '../../core/files/sheets.ts';
import { AppError, invalid } from '../../core/http/errors.ts';
import { findRegions } from '../regions/regions.facade.ts';
import * as repo from './programs.repository.ts';
import { ProgramsService } from './programs.service.ts';

/** The columns of 试点县数量建议表, in order. */
export const QUOTA_HEADER = ['区划代码', '名称', '建议名额', '名额上限'];

/** 名额 (P2.3(3)): how many units each region at the programme's quota level may have designated. */
export class ProgramQuotas {
  private readonly programs: ProgramsService;

  constructor(private readonly ctx: AppContext) {
    this.programs = new ProgramsService(ctx);
  }

  /** 名额: replaces the table; each region must sit at the quota level inside the organiser's region. */
  async put(rc: RequestContext, programId: string, items: readonly QuotaItem[]): Promise<ProgramDetailDto> {
    const { row } = await this.programs.loadManaged(rc, programId);
    const wrong = items.findIndex(
      (q) => !row.quota_level || levelOf(q.regionCode) !== row.quota_level || !isWithin(q.regionCode, row.organiser_region),
    );
    if (wrong >= 0) throw invalid({ [`items.${wrong}.regionCode`]: 'programs.quota.wrongLevel' });
    const known = new Set(
      (
        await findRegions(
          this.ctx.db,
          items.map((q) => q.regionCode),
        )
      ).map((r) => r.code),
    );
    const unknown = items.findIndex((q) => !known.has(q.regionCode));
    if (unknown >= 0) throw invalid({ [`items.${unknown}.regionCode`]: 'region.notFound' });
    await this.ctx.db.transaction().execute(async (tx) => {
      // A place already taken stays: the cap may not drop below the units counted against it (decision 67).
      for (const quota of await repo.quotasOf(tx, programId)) {
        const cap = items.find((q) => q.regionCode === quota.region_code)?.maxUnits ?? 0;
        if (cap < quota.used)
          throw new AppError('conflict', 'programs.quota.belowUsed', undefined, { region: quota.region_name, used: quota.used });
      }
      await repo.replaceQuotas(
        tx,
        programId,
        items.map((q) => ({ program_id: programId, region_code: q.regionCode, max_units: q.maxUnits, suggested: q.suggested ?? null })),
      );
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.quotas_set',
        objectType: 'program',
        objectId: programId,
        objectRegion: row.organiser_region,
        detail: { count: items.length, total: items.reduce((n, q) => n + q.maxUnits, 0) },
      });
    });
    return this.programs.get(rc, programId);
  }

  /**
   * 试点县数量建议表 (P2.3(3) 附件) as a raw .xlsx body: 区划代码 | 名称 | 建议名额 | 名额上限. The cap defaults to the
   * suggestion; regions not imported in this installation are reported, not invented.
   */
  async import(rc: RequestContext, programId: string, file: Buffer): Promise<ProgramDetailDto & { skipped: string[] }> {
    await this.programs.loadManaged(rc, programId);
    const [sheet] = await readSheets(file, 'programs.import.notXlsx');
    const first = sheet?.rows.find((r) => r.number === 1);
    if (QUOTA_HEADER.some((header, i) => cellAt(first, i + 1) !== header)) throw new AppError('validation', 'programs.import.badHeader');
    const items: QuotaItem[] = [];
    const bad: number[] = [];
    for (const row of sheet?.rows ?? []) {
      if (row.number === 1) continue;
      const code = cellAt(row, 1);
      const suggestedCell = cellAt(row, 3);
      const suggested = suggestedCell === '' ? Number.NaN : Number(suggestedCell);
      const capCell = cellAt(row, 4);
      const cap = capCell === '' ? suggested : Number(capCell);
      if (!/^\d+$/.test(code) || !Number.isInteger(suggested) || suggested < 0 || !Number.isInteger(cap) || cap < 0) bad.push(row.number);
      else items.push({ regionCode: code, suggested, maxUnits: cap });
    }
    if (bad.length > 0) throw new AppError('validation', 'programs.import.badRows', undefined, { rows: bad.join('、') });
    const known = new Set(
      (
        await findRegions(
          this.ctx.db,
          items.map((q) => q.regionCode),
        )
      ).map((r) => r.code),
    );
    const skipped = items.filter((q) => !known.has(q.regionCode)).map((q) => q.regionCode);
    const detail = await this.put(
      rc,
      programId,
      items.filter((q) => known.has(q.regionCode)),
    );
    return { ...detail, skipped };
  }
}
