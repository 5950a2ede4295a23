import { kindedAttachmentStore } from '../../core/files/attachments.ts';

/** 申报附件 of the `program_attachments` table (owner: the application's id), each filed under its kind. */
export const applicationFiles = kindedAttachmentStore('program_attachments');
