import type { MessageDictionaries } from '@rg/domain/i18n/dictionaries';
import { enUS as serverMessagesEnUS } from '@rg/domain/i18n/messages.en-US';
import { registerMessages, zhCN as serverMessages } from '@rg/domain/i18n/messages.zh-CN';
import { enUSMessages } from './en-US.ts';
import { zhCNMessages } from './zh-CN.ts';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
/** 界面语言 */
export type Language = (typeof LANGUAGES)[number];

export type MessageParams = Record<string, string | number>;

type Dictionary = Partial<Record<string, string>>;

/** The shell's texts and every module's console texts (`registerModuleMessages`). */
const consoleMessages: Record<Language, Record<string, string>> = { 'zh-CN': { ...zhCNMessages }, 'en-US': { ...enUSMessages } };

/**
 * Adds a module's texts: its console dictionaries, and the server texts of its domain (the server
 * answers with their keys, and form rules reuse them). Called once per module by modules/index.ts.
 */
export function registerModuleMessages(console: readonly MessageDictionaries[], server: MessageDictionaries | undefined): void {
  for (const pair of console) {
    Object.assign(consoleMessages['zh-CN'], pair['zh-CN']);
    Object.assign(consoleMessages['en-US'], pair['en-US']);
  }
  if (server) registerMessages(server);
}

/**
 * Where each language looks a key up, in order: our texts, then the server's shared messages (form
 * rules reuse them); English falls back to Chinese.
 */
const lookups: Record<Language, readonly Dictionary[]> = {
  'zh-CN': [consoleMessages['zh-CN'], serverMessages],
  'en-US': [consoleMessages['en-US'], serverMessagesEnUS, consoleMessages['zh-CN'], serverMessages],
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
  return key in consoleMessages['zh-CN'] || key in serverMessages;
}

export function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}
