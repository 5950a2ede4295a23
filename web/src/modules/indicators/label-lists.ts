import { EVENT_INDICATORS, REPORTED_INDICATORS } from '@rg/domain/indicators/catalogue';

const CATALOGUE = [...REPORTED_INDICATORS, ...EVENT_INDICATORS];
type CatalogueCode = (typeof CATALOGUE)[number]['code'];

function byCode(field: 'name' | 'definition'): Record<CatalogueCode, string> {
  return Object.fromEntries(CATALOGUE.map((indicator) => [indicator.code, indicator[field]])) as Record<CatalogueCode, string>;
}

/** The domain catalogue's indicator names and definitions by code (keys `indicators.label.<list>.<code>`). */
export const INDICATORS_LABEL_LISTS = { name: byCode('name'), definition: byCode('definition') };

export const INDICATORS_LABEL_PREFIX = 'indicators.label';
