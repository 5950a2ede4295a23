import { useLabelLists } from '../../app/i18n/use-label-lists.ts';
import { PROGRAMS_LABEL_LISTS, PROGRAMS_LABEL_PREFIX } from './label-lists.ts';

/** The catalogue's content areas and plan sections in the chosen language. */
export function useProgramsLabels(): typeof PROGRAMS_LABEL_LISTS {
  return useLabelLists(PROGRAMS_LABEL_PREFIX, PROGRAMS_LABEL_LISTS);
}

/** A content area's name: a catalogue area's in the chosen language, a programme's own area (`custom_N`) as typed. */
export function useAreaLabel(): (key: string, typed?: string) => string {
  const names: Partial<Record<string, string>> = useProgramsLabels().area;
  return (key, typed) => names[key] ?? typed ?? key;
}
