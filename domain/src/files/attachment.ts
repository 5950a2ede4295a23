/** A file kept with a record as evidence (附件): photos, signed forms, scans. The bytes are fetched separately. */
export interface AttachmentDto {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  /**
   * 附件类别, only where the record files its documents by kind (a programme application's
   * `required:a1`, `evidence:c1` or `other`).
   */
  kind?: string;
}
