/**
 * Masking of personal data in every response (SECURITY.md 13): `6104**********1234`, `138****5678`.
 */
export function maskIdCard(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskMobile(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** A person's name: keep the surname (张**). */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Patterns that must never appear unmasked in a response, export or log line. */
export const ID_CARD_PATTERN = /\d{17}[\dXx]/;
export const MOBILE_PATTERN = /1[3-9]\d{9}/;
