import type { NoticeDto, RoomDto, RoomInput } from '@rg/domain/legal/service.schema';
import QRCode from 'qrcode';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { invalid, notFound } from '../../core/http/errors.ts';
import { findRegion, RegionsService } from '../regions/regions.facade.ts';
import * as repo from './legal.repository.ts';
import * as rooms from './legal.rooms.repository.ts';

/** The 12348 public legal service hotline, shown until the county sets its own. */
const DEFAULT_HOTLINE = '12348';

/**
 * 实体窗口 (P1.4(1); P3.3(二)2 public legal service points): each village's room with place and
 * hours, and the printable 公示牌 with the advisor, the hotline and a QR code to the village's
 * online consultation page.
 */
export class LegalRooms {
  private readonly regions: RegionsService;

  constructor(private readonly ctx: AppContext) {
    this.regions = new RegionsService(ctx);
  }

  async room(rc: RequestContext, villageCode: string): Promise<RoomDto> {
    authorize(rc.actor, 'legal.read', { regionCode: villageCode });
    const region = await findRegion(this.ctx.db, villageCode);
    if (!region) throw notFound('region.notFound');
    if (region.level !== 'village') throw invalid({ villageCode: 'legal.village.notVillage' });
    const row = await rooms.findRoom(this.ctx.db, villageCode);
    const current = await repo.currentAssignmentOf(this.ctx.db, villageCode);
    const path = (await this.regions.pathsOf([villageCode])).get(villageCode) ?? region.name;
    return {
      villageCode,
      villagePath: path,
      configured: row !== undefined,
      advisorName: current?.advisor_name ?? null,
      place: row?.place ?? `${region.name}村（居）委会公共法律服务室`,
      hours: row?.hours ?? '每周一至周五 9:00-17:00',
      hotline: row?.hotline ?? DEFAULT_HOTLINE,
    };
  }

  async save(rc: RequestContext, villageCode: string, input: RoomInput): Promise<RoomDto> {
    authorize(rc.actor, 'legal.manage', { regionCode: villageCode });
    await this.room(rc, villageCode);
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await rooms.saveRoom(tx, { village_code: villageCode, ...input, updated_at: now });
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.room_save',
        objectType: 'legal_room',
        objectId: villageCode,
        objectRegion: villageCode,
        detail: { ...input },
      });
    });
    return this.room(rc, villageCode);
  }

  /** The notice publishes the advisor's phone, so printing it is for the office and audited. */
  async notice(rc: RequestContext, villageCode: string, origin: string): Promise<NoticeDto> {
    authorize(rc.actor, 'legal.manage', { regionCode: villageCode });
    const room = await this.room(rc, villageCode);
    const current = await repo.currentAssignmentOf(this.ctx.db, villageCode);
    const advisor = current ? await repo.findAdvisor(this.ctx.db, current.advisor_id) : undefined;
    const consultUrl = `${origin}/m/legal/ask?village=${villageCode}`;
    const qrSvg = await QRCode.toString(consultUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.legal_notice',
      objectType: 'legal_room',
      objectId: villageCode,
      objectRegion: villageCode,
      detail: { advisor: advisor?.name ?? null },
    });
    return { ...room, advisorPhone: advisor ? this.ctx.cipher.decrypt(advisor.phone_enc) : null, consultUrl, qrSvg };
  }
}
