import { z } from 'zod';

/** Route parameters and content types the module's routes share. */
export const idParams = z.object({ id: z.uuid('error.notFound') });
export const partyParams = z.object({ id: z.uuid('error.notFound'), partyId: z.uuid('error.notFound') });
export const fileParams = z.object({ id: z.uuid('error.notFound'), fileId: z.uuid('error.notFound') });
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
