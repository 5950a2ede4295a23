import { enUS as serverMessagesEnUS } from '@rg/domain/i18n/messages.en-US';
import { zhCN as serverMessages } from '@rg/domain/i18n/messages.zh-CN';
import { enUSMessages } from './en-US.ts';
import { zhCNMessages } from './zh-CN.ts';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
/** 界面语言 */
export type Language = (typeof LANGUAGES)[number];

export type MessageParams = Record<string, string | number>;

type Dictionary = Partial<Record<string, string>>;

/**
 * Where each language looks a key up, in order: our texts, then the server's shared messages (form
 * rules reuse them); English falls back to Chinese.
 */
const lookups: Record<Language, readonly Dictionary[]> = {
  'zh-CN': [zhCNMessages, serverMessages],
  'en-US': [enUSMessages, serverMessagesEnUS, zhCNMessages, serverMessages],
};

function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Looks a key up in the chosen language, then in Chinese, and finally answers the key itself so a
 * missing text is visible, never blank.
 */
export function translate(language: Language, key: string, params?: MessageParams): string {
  const template = lookups[language].map((dictionary) => dictionary[key]).find((text) => text !== undefined) ?? key;
  return interpolate(template, params);
}

/** True when some dictionary knows the key (used for server-provided keys with a fallback). */
export function hasMessage(key: string): boolean {
  return key in zhCNMessages || key in serverMessages;
}

export function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}
