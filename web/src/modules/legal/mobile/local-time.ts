/** A stored UTC moment as the phone's local date and time, 2026-11-03 09:30. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a datetime-local input for a moment (local time, minutes). */
export function toLocalInput(date: Date): string {
  return localDateTime(date.toISOString()).replace(' ', 'T');
}
