import { dictionaries } from '../i18n/dictionaries.ts';
import { indicatorsServerMessagesEnUS } from './messages.en-US.ts';
import { indicatorsServerMessages } from './messages.zh-CN.ts';

/** The `indicators` module's server texts in both languages, registered by its server and web manifests. */
export const indicatorsDictionaries = dictionaries(indicatorsServerMessages, indicatorsServerMessagesEnUS);
