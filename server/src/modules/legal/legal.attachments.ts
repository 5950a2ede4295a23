import { attachmentStore } from '../../core/files/attachments.ts';

/** Ledger attachments, villagers' consultation pictures and advisors' contracts (owner: the record's id). */
export const legalFiles = attachmentStore('legal_attachments');
