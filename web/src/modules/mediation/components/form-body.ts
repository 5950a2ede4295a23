import dayjs, { type Dayjs } from 'dayjs';

/** The values of a step or application form (cases and legal aid). */
export type FormValues = Record<string, string | number | boolean | string[] | Dayjs | null | undefined>;

/** Dates to text, empty fields dropped: the body each endpoint expects. */
export function formBody(values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    body[name] = dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value;
  }
  return body;
}
