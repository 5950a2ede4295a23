/**
 * A full 18-digit ID number or 11-digit mobile number standing as its own token. Digits inside a longer
 * run of letters and digits (the hex of an id, a hash) are not one: a UUID's last group is twelve hex
 * characters and can hold eleven digits in a row, which the privacy scans took for a phone.
 */
const FULL_PERSONAL_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|1[3-9]\d{9})(?![0-9A-Za-z])/g;

/** Every full ID number or mobile number in `text` (the privacy scans expect none). */
export function personalNumbersIn(text: string): string[] {
  return text.match(FULL_PERSONAL_NUMBER) ?? [];
}
