/**
 * Code lists whose Chinese names the domain holds (e.g. CASE_TYPE_LABELS), by list name. The server
 * prints those names into its Chinese documents; the console shows them through message keys
 * `<prefix>.<list>.<code>`, so each language has its own names and Chinese keeps one source.
 */
export type LabelLists = Record<string, Record<string, string>>;

export type LabelListKey<P extends string, L extends LabelLists> = {
  [N in keyof L & string]: `${P}.${N}.${keyof L[N] & string}`;
}[keyof L & string];

/** The Chinese dictionary entries of some code lists: `<prefix>.<list>.<code>` → the domain's name. */
export function labelListMessages<P extends string, L extends LabelLists>(prefix: P, lists: L): Record<LabelListKey<P, L>, string> {
  const entries = Object.entries(lists).flatMap(([list, labels]) =>
    Object.entries(labels).map(([code, label]) => [`${prefix}.${list}.${code}`, label] as const),
  );
  return Object.fromEntries(entries) as Record<LabelListKey<P, L>, string>;
}
