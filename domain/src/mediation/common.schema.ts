import { z } from 'zod';

/** Dates are ISO `YYYY-MM-DD`; texts are trimmed and bounded, each with a Chinese message key. */
export const dateSchema = z.iso.date('mediation.date.invalid');
export const text = (max: number, required = 'mediation.text.required') =>
  z.string().trim().min(1, required).max(max, 'mediation.text.tooLong');
export const optionalText = (max: number) => z.string().trim().max(max, 'mediation.text.tooLong').nullable().optional();
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

/** A place as shown in lists: its code, short name and path below the county (王桥镇屈家村). */
export interface PlaceRef {
  code: string;
  name: string;
  path: string;
}

/** A share rounded to four decimals (0.6667), 0 when there is nothing to divide. */
export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);
