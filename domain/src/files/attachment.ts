import { z } from 'zod';

/** A file kept with a record as evidence (附件): photos, signed forms, scans. The bytes are fetched separately. */
export const attachmentDtoSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
  /**
   * 附件类别, only where the record files its documents by kind (a programme application's
   * `required:a1`, `evidence:c1` or `other`).
   */
  kind: z.string().optional(),
});
export type AttachmentDto = z.infer<typeof attachmentDtoSchema>;
