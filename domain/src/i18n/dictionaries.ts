/**
 * One dictionary in Chinese and its English twin. Build it with `dictionaries()` so that the English
 * side must hold exactly the Chinese keys.
 */
export interface MessageDictionaries {
  'zh-CN': Readonly<Record<string, string>>;
  'en-US': Readonly<Record<string, string>>;
}

export function dictionaries<Z extends Readonly<Record<string, string>>>(
  zhCN: Z,
  enUS: Readonly<Record<keyof Z, string>>,
): MessageDictionaries {
  return { 'zh-CN': zhCN, 'en-US': enUS };
}
