import type { IndicatorDto } from '@rg/domain/indicators/indicators.schema';
import { useLabelLists } from '../../app/i18n/use-label-lists.ts';
import { INDICATORS_LABEL_LISTS, INDICATORS_LABEL_PREFIX } from './label-lists.ts';

export interface IndicatorTexts {
  name: (indicator: Pick<IndicatorDto, 'code' | 'name'>) => string;
  definition: (indicator: Pick<IndicatorDto, 'code' | 'definition'>) => string;
}

/**
 * An indicator's name and definition in the chosen language: the domain catalogue's by code; an
 * indicator a server module registers keeps the text the server sent.
 */
export function useIndicatorTexts(): IndicatorTexts {
  const lists: Record<'name' | 'definition', Partial<Record<string, string>>> = useLabelLists(
    INDICATORS_LABEL_PREFIX,
    INDICATORS_LABEL_LISTS,
  );
  return {
    name: (indicator) => lists.name[indicator.code] ?? indicator.name,
    definition: (indicator) => lists.definition[indicator.code] ?? indicator.definition,
  };
}
