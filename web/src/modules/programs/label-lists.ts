import { CONTENT_AREAS, PLAN_SECTION_LABELS, type CatalogueAreaKey } from '@rg/domain/programs/catalog';

/** The programme catalogue's names the console shows, from the domain (keys `programs.label.<list>.<code>`). */
export const PROGRAMS_LABEL_LISTS = {
  area: Object.fromEntries(CONTENT_AREAS.map((a) => [a.key, a.label])) as Record<CatalogueAreaKey, string>,
  planSection: PLAN_SECTION_LABELS,
};

export const PROGRAMS_LABEL_PREFIX = 'programs.label';
