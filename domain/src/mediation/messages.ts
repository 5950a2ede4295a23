import { dictionaries } from '../i18n/dictionaries.ts';
import { mediationServerMessagesEnUS } from './messages.en-US.ts';
import { mediationServerMessages } from './messages.zh-CN.ts';

/** The `mediation` module's server texts in both languages, registered by its server and web manifests. */
export const mediationDictionaries = dictionaries(mediationServerMessages, mediationServerMessagesEnUS);
