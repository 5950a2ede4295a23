import { z } from 'zod';

/** 公共法律服务室 (实体窗口, P1.4(1)): where and when the village's room is open, and the hotline. */
export const roomSchema = z
  .object({
    place: z.string('legal.room.place.required').trim().min(1, 'legal.room.place.required').max(100, 'legal.text.tooLong'),
    hours: z.string('legal.room.hours.required').trim().min(1, 'legal.room.hours.required').max(100, 'legal.text.tooLong'),
    hotline: z
      .string('legal.room.hotline.required')
      .trim()
      .regex(/^[0-9-]{3,20}$/, 'legal.room.hotline.required'),
  })
  .strict();
export type RoomInput = z.infer<typeof roomSchema>;

export const roomDtoSchema = z.object({
  place: z.string(),
  hours: z.string(),
  hotline: z.string(),
  villageCode: z.string(),
  villagePath: z.string(),
  /** Not yet set up: the fields hold the defaults to start from. */
  configured: z.boolean(),
  advisorName: z.string().nullable(),
});
export type RoomDto = z.infer<typeof roomDtoSchema>;

/** 公示牌: what the printed A4 notice shows; the advisor's phone is published on purpose. */
export const noticeDtoSchema = roomDtoSchema.extend({
  advisorPhone: z.string().nullable(),
  consultUrl: z.string(),
  /** The QR code to `consultUrl`, as an SVG document. */
  qrSvg: z.string(),
});
export type NoticeDto = z.infer<typeof noticeDtoSchema>;
