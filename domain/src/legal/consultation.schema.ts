import { freeText } from '../personal/free-text.ts';
import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { attachmentDtoSchema } from '../files/attachment.ts';

/** 网上咨询 (网络窗口, P1.4(1)): a villager's question from the phone page. */
export const consultationCreateSchema = z
  .object({
    question: freeText(
      z
        .string('legal.consultation.question.required')
        .trim()
        .min(5, 'legal.consultation.question.required')
        .max(1000, 'legal.text.tooLong'),
    ),
  })
  .strict();
export type ConsultationCreate = z.infer<typeof consultationCreateSchema>;

/** The advisor's answer; it becomes a ledger entry with window 网络. */
export const consultationAnswerSchema = z
  .object({
    answer: freeText(
      z.string('legal.consultation.answer.required').trim().min(1, 'legal.consultation.answer.required').max(2000, 'legal.text.tooLong'),
    ),
    durationMinutes: z.number().int().min(1, 'legal.service.duration.invalid').max(1440, 'legal.service.duration.invalid').optional(),
  })
  .strict();
export type ConsultationAnswer = z.infer<typeof consultationAnswerSchema>;

export const consultationListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  status: z.enum(['open', 'answered', 'overdue']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConsultationListQuery = z.infer<typeof consultationListQuerySchema>;

/** A question with its answer; `abilities.answer` for the advisor it waits for, until answered. */
export const consultationDtoSchema = z.object({
  id: z.string(),
  villageCode: z.string(),
  villagePath: z.string(),
  askerName: z.string(),
  question: freeText(z.string()),
  askedAt: z.string(),
  answer: freeText(z.string()).nullable(),
  answeredAt: z.string().nullable(),
  /** Minutes from the question to the answer (响应时长). */
  responseMinutes: z.number().nullable(),
  /** Unanswered longer than the configured hours (48 by default). */
  overdue: z.boolean(),
  advisorName: z.string().nullable(),
  pictures: z.array(attachmentDtoSchema),
  abilities: z.object({ answer: z.boolean() }),
});
export type ConsultationDto = z.infer<typeof consultationDtoSchema>;

export const consultationListDtoSchema = z.object({
  items: z.array(consultationDtoSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ConsultationListDto = z.infer<typeof consultationListDtoSchema>;

/** The villager's own questions (the phone page). */
export const myConsultationsDtoSchema = z.object({ items: z.array(consultationDtoSchema) });
export type MyConsultationsDto = z.infer<typeof myConsultationsDtoSchema>;
