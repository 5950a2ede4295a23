import { dictionaries } from '../i18n/dictionaries.ts';
import { programsServerMessagesEnUS } from './messages.en-US.ts';
import { programsServerMessages } from './messages.zh-CN.ts';

/** The `programs` module's server texts in both languages, registered by its server and web manifests. */
export const programsDictionaries = dictionaries(programsServerMessages, programsServerMessagesEnUS);
