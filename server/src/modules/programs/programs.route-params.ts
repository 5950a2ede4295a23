import { z } from 'zod';

/** A row's id in the path; a malformed one answers 404 like a missing row. */
export const idParams = z.object({ id: z.uuid('error.notFound') });

/** A list response: `{ items }` (list routes return at most a few hundred rows, unpaged). */
export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
