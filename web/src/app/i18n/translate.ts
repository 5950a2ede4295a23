import { zhCN as serverMessages } from '@rg/domain/i18n/messages.zh-CN';
import { enUSMessages } from './en-US.ts';
import { zhCNMessages, type MessageKey } from './zh-CN.ts';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
/** 界面语言 */
export type Language = (typeof LANGUAGES)[number];

export type MessageParams = Record<string, string | number>;

const dictionaries: Record<Language, Partial<Record<string, string>>> = {
  'zh-CN': zhCNMessages,
  'en-US': enUSMessages,
};

function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Looks a key up in the chosen language, then in Chinese (ours, then the server's shared
 * messages), and finally answers the key itself so a missing text is visible, never blank.
 */
export function translate(language: Language, key: string, params?: MessageParams): string {
  const template = dictionaries[language][key] ?? zhCNMessages[key as MessageKey] ?? serverMessages[key] ?? key;
  return interpolate(template, params);
}

/** True when some dictionary knows the key (used for server-provided keys with a fallback). */
export function hasMessage(key: string): boolean {
  return key in zhCNMessages || key in serverMessages;
}

export function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}
