/**
 * Fixed catalogues of the 试点示范 programmes (plan 2 §二–§三): the eight content areas, the six plan
 * sections, the basic applicant conditions and the levels that organise or are designated.
 */

/** 试点内容: the eight areas of P2.2; a programme may add its own (custom) areas. */
export const CONTENT_AREAS = [
  { key: 'governance_system', label: '探索共建共治共享的治理体制' },
  { key: 'coordinated_development', label: '探索乡村治理与经济社会协调发展的机制' },
  { key: 'organisation_system', label: '探索完善乡村治理的组织体系' },
  { key: 'three_governance', label: '探索党组织领导的自治法治德治相结合的路径' },
  { key: 'governance_methods', label: '完善基层治理方式' },
  { key: 'power_oversight', label: '完善村级权力监管机制' },
  { key: 'consultation', label: '创新村民议事协商形式' },
  { key: 'modern_means', label: '创新现代乡村治理手段' },
] as const;
export type CatalogueAreaKey = (typeof CONTENT_AREAS)[number]['key'];
export const CATALOGUE_AREA_KEYS = CONTENT_AREAS.map((a) => a.key) as [CatalogueAreaKey, ...CatalogueAreaKey[]];
/** A stored area key that is one of the catalogue's (a custom area's key is not). */
export const isCatalogueAreaKey = (key: string): key is CatalogueAreaKey => (CATALOGUE_AREA_KEYS as readonly string[]).includes(key);

/** 试点方案的六个部分 (P2.3(4)): every one is required before submission. */
export const PLAN_SECTIONS = ['background', 'approach', 'content', 'steps', 'outcomes', 'safeguards'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];
export const PLAN_SECTION_LABELS: Record<PlanSection, string> = {
  background: '试点背景',
  approach: '试点思路',
  content: '试点内容',
  steps: '方法步骤',
  outcomes: '预期效果',
  safeguards: '保障措施',
};

/** 试点单位基本条件 (P2.3(2)), offered as the default conditions of a new programme. */
export const DEFAULT_CONDITIONS = [
  '党委、政府高度重视和支持试点工作',
  '具有与承担试点任务相适应的工作力量，相关部门有较强的改革创新意识和工作积极性',
  '能形成党委农村工作部门、农业农村主管部门牵头，相关部门共同推进的工作机制',
  '初步具备党组织领导的自治、法治、德治相结合的乡村治理体系建设的基础',
] as const;

/** 组织层级: who runs a programme. */
export const ORGANISER_LEVELS = ['nation', 'province', 'city', 'county'] as const;
export type OrganiserLevel = (typeof ORGANISER_LEVELS)[number];

/** 试点单位层级: what a programme designates (示范县 / 示范乡镇 / 示范村). */
export const UNIT_LEVELS = ['county', 'town', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Levels that may review, bottom-up (a review chain is an ordered subset of these). */
export const REVIEW_LEVELS = ['town', 'county', 'city', 'province', 'nation'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

const LEVEL_RANK: Record<string, number> = { nation: 0, province: 1, city: 2, county: 3, town: 4, village: 5 };

/** True when `upper` lies strictly above `lower` in the hierarchy. */
export function isAbove(upper: string, lower: string): boolean {
  return (LEVEL_RANK[upper] ?? 99) < (LEVEL_RANK[lower] ?? -1);
}

const LEVEL_WORD: Record<string, string> = { nation: '全国', province: '省级', city: '市级', county: '县级' };
const UNIT_WORD: Record<UnitLevel, string> = { county: '县', town: '镇', village: '村' };

/** The default honour title, e.g. 全国乡村治理示范村, 省级乡村治理示范镇. */
export function defaultHonourTitle(organiserLevel: OrganiserLevel, unitLevel: UnitLevel): string {
  return `${LEVEL_WORD[organiserLevel] ?? ''}乡村治理示范${UNIT_WORD[unitLevel]}`;
}
