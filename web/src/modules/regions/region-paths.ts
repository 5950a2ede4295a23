export const REGIONS_PATH = '/regions';

export function regionPath(code: string): string {
  return `${REGIONS_PATH}/${encodeURIComponent(code)}`;
}
