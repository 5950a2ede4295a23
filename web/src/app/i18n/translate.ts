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

/** A text the server wrote in Chinese, with the key and parameters it comes from (absent from older answers). */
export interface ServerText {
  text: string;
  key?: string;
  params?: MessageParams;
}

/**
 * Only the server's own dictionaries: a console key may share a server key's name with another text
 * (`indicators.report.households` is a label here, a rule there). Chinese is the server's text itself.
 */
const serverLookups: Record<Language, Dictionary> = {
  'zh-CN': {},
  'en-US': serverMessagesEnUS,
};

/** The server's text in the chosen language, or as the server wrote it when the language or the key has no other. */
export function translateServerText(language: Language, { text, key, params }: ServerText): string {
  const template = key === undefined ? undefined : serverLookups[language][key];
  return template === undefined ? text : interpolate(template, params);
}

/** True when some dictionary knows the key (used for server-provided keys with a fallback). */
export function hasMessage(key: string): boolean {
  return key in zhCNMessages || key in serverMessages;
}

export function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}
