import { maskFreeText } from '@rg/domain/personal/free-text';
import {
  SERVICE_TYPE_LABELS,
  SERVICE_WINDOW_LABELS,
  SUBJECT_KIND_LABELS,
  type ServiceType,
  type ServiceWindow,
  type SubjectKind,
} from '@rg/domain/legal/service.schema';
import { chinaDayStart, chinaMinute } from '@rg/domain/time/china-time';
import JSZip from 'jszip';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { toXlsx, XLSX_TYPE } from '../../core/export/xlsx.ts';
import { invalid, notFound } from '../../core/http/errors.ts';
import { findRegion, RegionsService } from '../regions/regions.facade.ts';
import { dossierDocx, type DossierInput } from './legal.dossier.docx.ts';
import * as dossiers from './legal.dossier.repository.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface GeneratedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** A year in China's calendar as stored UTC bounds. */
function yearBounds(year: number): { from: string; to: string } {
  return { from: chinaDayStart(`${year}-01-01`), to: chinaDayStart(`${year + 1}-01-01`) };
}

/**
 * 一村一卷 (P1.4(3)): the village's year as a .docx dossier and its ledger as .xlsx; a town or county
 * gets a .zip with one dossier per village. Everything comes from the ledger: nothing typed twice.
 */
export class LegalDossier {
  private readonly regions: RegionsService;

  constructor(private readonly ctx: AppContext) {
    this.regions = new RegionsService(ctx);
  }

  private async input(villageCode: string, villagePath: string, year: number): Promise<DossierInput> {
    const { from, to } = yearBounds(year);
    const entries = await dossiers.entriesOfVillage(this.ctx.db, villageCode, from, to);
    const advisors = await dossiers.advisorNamesOfYear(this.ctx.db, villageCode, year);
    return {
      villagePath,
      year,
      advisors: [...new Set(advisors)],
      // The ledger .xlsx and the dossier .docx show numbers typed into the texts masked (SECURITY.md 30).
      entries: entries.map((e) => ({
        ...e,
        content: maskFreeText(e.content),
        result: maskFreeText(e.result),
        subject_name: e.subject_name === null ? null : maskFreeText(e.subject_name),
      })),
      printedAt: this.ctx.clock.now().toISOString(),
    };
  }

  private async village(rc: RequestContext, code: string): Promise<string> {
    authorize(rc.actor, 'legal.export', { regionCode: code });
    const region = await findRegion(this.ctx.db, code);
    if (!region) throw notFound('region.notFound');
    if (region.level !== 'village') throw invalid({ villageCode: 'legal.village.notVillage' });
    return (await this.regions.pathsOf([code])).get(code) ?? region.name;
  }

  private async audited(rc: RequestContext, kind: string, regionCode: string, year: number, files: number): Promise<void> {
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.legal_dossier',
      objectType: 'region',
      objectRegion: regionCode,
      detail: { kind, year, files },
    });
  }

  async villageDocx(rc: RequestContext, code: string, year: number): Promise<GeneratedFile> {
    const path = await this.village(rc, code);
    const input = await this.input(code, path, year);
    await this.audited(rc, 'docx', code, year, 1);
    return { fileName: `${path}${year}年法律顾问工作档案.docx`, contentType: DOCX_TYPE, data: await dossierDocx(input) };
  }

  async villageXlsx(rc: RequestContext, code: string, year: number): Promise<GeneratedFile> {
    const path = await this.village(rc, code);
    const { entries } = await this.input(code, path, year);
    await this.audited(rc, 'xlsx', code, year, 1);
    const body = await toXlsx(
      `${year}年服务台账`,
      [
        { header: '序号', width: 6, value: (e) => entries.indexOf(e) + 1 },
        { header: '服务时间', width: 18, value: (e) => chinaMinute(e.served_at) },
        { header: '服务窗口', value: (e) => SERVICE_WINDOW_LABELS[e.service_window as ServiceWindow] },
        { header: '服务类型', width: 20, value: (e) => SERVICE_TYPE_LABELS[e.service_type as ServiceType] },
        { header: '法律顾问', value: (e) => e.advisor_name },
        { header: '对象类型', value: (e) => SUBJECT_KIND_LABELS[e.subject_kind as SubjectKind] },
        { header: '服务对象', value: (e) => e.subject_name ?? '' },
        { header: '服务内容', width: 40, value: (e) => e.content },
        { header: '服务结果', width: 40, value: (e) => e.result },
        { header: '时长（分钟）', value: (e) => Number(e.duration_minutes) },
        { header: '参加人数', value: (e) => (e.attendance === null ? null : Number(e.attendance)) },
        { header: '版本', width: 8, value: (e) => Number(e.version) },
      ],
      entries,
    );
    return { fileName: `${path}${year}年服务台账.xlsx`, contentType: XLSX_TYPE, data: body };
  }

  /** 一村一卷 for every village of a town or county, one .docx each, in one .zip. */
  async regionZip(rc: RequestContext, code: string, year: number): Promise<GeneratedFile & { villages: number }> {
    authorize(rc.actor, 'legal.export', { regionCode: code });
    const region = await findRegion(this.ctx.db, code);
    if (!region) throw notFound('region.notFound');
    const villages = await dossiers.villageCodesIn(this.ctx.db, code);
    const paths = await this.regions.pathsOf(villages);
    const zip = new JSZip();
    for (const village of villages) {
      const path = paths.get(village) ?? village;
      zip.file(`${path}${year}年法律顾问工作档案.docx`, await dossierDocx(await this.input(village, path, year)));
    }
    await this.audited(rc, 'zip', code, year, villages.length);
    const name = (await this.regions.pathsOf([code])).get(code) || region.name;
    return {
      fileName: `${name}${year}年法律顾问工作档案.zip`,
      contentType: 'application/zip',
      data: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      villages: villages.length,
    };
  }
}
