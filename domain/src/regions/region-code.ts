/**
 * 统计用区划代码: the national statistical division codes are prefix paths —
 * province `61` → city `6104` → county `610423` → town `610423104` → village `610423104209`
 * → villager group `610423104209001` (created locally). "X lies within Y" is a prefix test, which
 * the database answers as the index range `code >= y AND code < next(y)`.
 */
export const REGION_LEVELS = ['nation', 'province', 'city', 'county', 'town', 'village', 'group'] as const;
/** 行政区划层级 */
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The whole country. Not a real division code: provinces are 11–82, so `00` never collides. */
export const NATION_CODE = '00';

const LENGTH_BY_LEVEL: Record<Exclude<RegionLevel, 'nation'>, number> = {
  province: 2,
  city: 4,
  county: 6,
  town: 9,
  village: 12,
  group: 15,
};

const LEVEL_BY_LENGTH = new Map<number, RegionLevel>(
  Object.entries(LENGTH_BY_LEVEL).map(([level, length]) => [length, level as RegionLevel]),
);

export function isNation(code: string): boolean {
  return code === NATION_CODE;
}

export function isRegionCode(code: string): boolean {
  return isNation(code) || (/^\d+$/.test(code) && LEVEL_BY_LENGTH.has(code.length));
}

export function levelOf(code: string): RegionLevel {
  if (isNation(code)) return 'nation';
  const level = LEVEL_BY_LENGTH.get(code.length);
  if (!level || !/^\d+$/.test(code)) throw new Error(`not a region code: ${code}`);
  return level;
}

export function codeLength(level: Exclude<RegionLevel, 'nation'>): number {
  return LENGTH_BY_LEVEL[level];
}

export function parentOf(code: string): string | null {
  const level = levelOf(code);
  if (level === 'nation') return null;
  if (level === 'province') return NATION_CODE;
  const index = REGION_LEVELS.indexOf(level);
  const parentLevel = REGION_LEVELS[index - 1] as Exclude<RegionLevel, 'nation'>;
  return code.slice(0, LENGTH_BY_LEVEL[parentLevel]);
}

/** Codes from the nation down to the parent of `code`, outermost first. */
export function ancestorsOf(code: string): string[] {
  const chain: string[] = [];
  for (let parent = parentOf(code); parent !== null; parent = parentOf(parent)) chain.unshift(parent);
  return chain;
}

/** True when `code` is `scope` itself or lies below it. */
export function isWithin(code: string, scope: string): boolean {
  return isNation(scope) || code.startsWith(scope);
}

/**
 * The half-open range [from, to) of codes within `scope`, or null for the whole nation.
 * `to` is the prefix with its last digit incremented (carrying), so it sorts after every code that
 * starts with the prefix under any collation that orders digits.
 */
export function rangeOf(scope: string): { from: string; to: string } | null {
  if (isNation(scope)) return null;
  const digits = scope.split('').map(Number);
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === 9) {
    digits[i] = 0;
    i -= 1;
  }
  if (i < 0) return { from: scope, to: ':' };
  digits[i] = (digits[i] ?? 0) + 1;
  return { from: scope, to: digits.join('') };
}

/** 村 or 社区: derived from the official name, as the plans distinguish villages and communities. */
export const VILLAGE_KINDS = ['village', 'community'] as const;
export type VillageKind = (typeof VILLAGE_KINDS)[number];

export function villageKindOf(officialName: string): VillageKind {
  return /社区|居委会|居民委员会/.test(officialName) ? 'community' : 'village';
}

/**
 * The name people use: the official village names end in the committee (屈家村委会, 鑫园社区居委会);
 * officials say 屈家村 and 鑫园社区.
 */
export function shortNameOf(officialName: string): string {
  const village = /^(.+?)(村民委员会|村委会)$/.exec(officialName);
  if (village?.[1]) return village[1].endsWith('村') ? village[1] : `${village[1]}村`;
  const community = /^(.+?)(居民委员会|居委会)$/.exec(officialName);
  if (community?.[1]) return community[1].endsWith('社区') ? community[1] : `${community[1]}社区`;
  return officialName;
}
