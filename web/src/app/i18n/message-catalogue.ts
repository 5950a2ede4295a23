import type { zhCNMessages } from './zh-CN.ts';

/**
 * Every module's console keys, merged in from `web/src/modules/<module>/i18n*.zh-CN.ts`
 * (`declare module '…/app/i18n/message-catalogue.ts' { interface ModuleMessages extends
 * Record<keyof typeof legalConsoleMessages, string> {} }`), so `t()` accepts exactly the keys some
 * dictionary holds while the shell names no module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declaration merging
export interface ModuleMessages {}

/** A key of the shell's dictionary or of a module's. */
export type MessageKey = keyof typeof zhCNMessages | (keyof ModuleMessages & string);

/** One dictionary in Chinese and its English twin (typed to hold exactly the Chinese keys). */
export interface DictionaryPair {
  'zh-CN': Readonly<Record<string, string>>;
  'en-US': Readonly<Record<string, string>>;
}
