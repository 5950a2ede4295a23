import { z } from 'zod';
import { freeText } from '../personal/free-text.ts';

/** Dates are ISO `YYYY-MM-DD`; texts are trimmed and bounded, each with a Chinese message key. */
export const dateSchema = z.iso.date('mediation.date.invalid');
export const text = (max: number, required = 'mediation.text.required') =>
  z.string().trim().min(1, required).max(max, 'mediation.text.tooLong');
export const optionalText = (max: number) => z.string().trim().max(max, 'mediation.text.tooLong').nullable().optional();
/**
 * Texts written in prose (a description, notes, a reason): ID numbers and mobiles typed into them are
 * sealed on the way in and masked on the way out (SECURITY.md 30, `personal/free-text.ts`).
 */
export const prose = (max: number, required = 'mediation.text.required') => freeText(text(max, required));
export const optionalProse = (max: number) => freeText(optionalText(max));
/** A prose text in a response: shown with its personal numbers masked. */
export const proseDto = freeText(z.string());
export const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** A page of a server-paged list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The response schema of a page of `item`s. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** A place as shown in lists: its code, short name and path below the county (王桥镇屈家村). */
export const placeRefSchema = z.object({ code: z.string(), name: z.string(), path: z.string() });
export type PlaceRef = z.infer<typeof placeRefSchema>;

/** A named place without its path (the region a statistic or a report is about). */
export const regionNameSchema = z.object({ code: z.string(), name: z.string() });

/** The full value of a revealed personal field (audited). */
export const revealedSchema = z.object({ value: z.string() });
export type RevealedDto = z.infer<typeof revealedSchema>;

/** A share rounded to four decimals (0.6667), 0 when there is nothing to divide. */
export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);
