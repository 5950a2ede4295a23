import dayjs, { type Dayjs } from 'dayjs';

/** The values of an aid form, and the request body they make (dates as YYYY-MM-DD, blanks left out). */
export type Values = Record<string, string | boolean | string[] | Dayjs | undefined>;
export const toBody = (v: Values) =>
  Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== undefined && x !== '')
      .map(([k, x]) => [k, dayjs.isDayjs(x) ? x.format('YYYY-MM-DD') : x]),
  );
