import { useMemo } from 'react';
import { useI18n } from './i18n-context.tsx';
import type { LabelLists } from './label-lists.ts';

/** Code lists (see label-lists.ts) with each name in the chosen language; the domain's Chinese name if a key is missing. */
export function useLabelLists<L extends LabelLists>(prefix: string, lists: L): L {
  const { tKey } = useI18n();
  return useMemo(() => {
    const translated = Object.entries(lists).map(([list, labels]) => [
      list,
      Object.fromEntries(Object.entries(labels).map(([code, label]) => [code, tKey(`${prefix}.${list}.${code}`, label)])),
    ]);
    return Object.fromEntries(translated) as L;
  }, [prefix, lists, tKey]);
}
