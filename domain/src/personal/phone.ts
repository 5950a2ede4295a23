/** Mainland mobile numbers: 11 digits starting 13–19 (MIIT numbering plan). */
export function normalizeMobile(value: string): string {
  return value.replace(/[\s-]/g, '').replace(/^\+?86/, '');
}

export function isValidMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(value));
}
