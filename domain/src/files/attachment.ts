/** A file kept with a record as evidence (附件): photos, signed forms, scans. The bytes are fetched separately. */
export interface AttachmentDto {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}
