import { dictionaries } from '../i18n/dictionaries.ts';
import { legalServerMessagesEnUS } from './messages.en-US.ts';
import { legalServerMessages } from './messages.zh-CN.ts';

/** The `legal` module's server texts in both languages, registered by its server and web manifests. */
export const legalDictionaries = dictionaries(legalServerMessages, legalServerMessagesEnUS);
