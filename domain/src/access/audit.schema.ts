import { z } from 'zod';

export const AUDIT_RESULTS = ['ok', 'denied', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** 审计日志 search (SECURITY.md 18): within the auditor's own scope, newest first. */
export const auditQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  action: z.string().trim().max(60).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One audit entry as the audit page lists it; personal fields in `detail` are masked when written. */
export const auditEntryDtoSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  /** The actor's roles, comma-separated, as they were at the time. */
  actorRoles: z.string().nullable(),
  actorRegion: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  objectRegion: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDtoSchema>;

export const auditPageDtoSchema = z.object({ items: z.array(auditEntryDtoSchema), total: z.number() });
export type AuditPageDto = z.infer<typeof auditPageDtoSchema>;
