/**
 * 公民身份号码 (GB 11643-1999): 17 digits and a check character computed with ISO 7064 MOD 11-2.
 * Also checks that the birth date is a real date.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCardCheckChar(first17: string): string {
  const sum = first17.split('').reduce((acc, ch, i) => acc + Number(ch) * (WEIGHTS[i] ?? 0), 0);
  return CHECK[sum % 11] ?? '';
}

export function isValidIdCard(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return idCardCheckChar(id.slice(0, 17)) === id[17];
}
