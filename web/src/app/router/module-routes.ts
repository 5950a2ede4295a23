import type { MessageDictionaries } from '@rg/domain/i18n/dictionaries';
import type { ComponentType, ReactNode } from 'react';
import type { MessageKey } from '../i18n/message-catalogue.ts';

export interface PageRoute {
  /** Absolute path; menu entries from the server point at these. */
  path: string;
  Page: ComponentType;
}

/** A tile on the phone home page (/m), shown to users who hold `permission`. */
export interface MobileService {
  key: string;
  path: string;
  labelKey: MessageKey;
  descriptionKey: MessageKey;
  icon: ReactNode;
  permission: string;
}

/** What a module contributes to the web app: pages, phone tiles, texts. Register it once in `modules/index.ts`. */
export interface ModuleRoutes {
  /** Console pages inside the desktop layout (signed in). */
  console?: PageRoute[];
  /** Signed-in pages without the desktop layout (e.g. the forced password change). */
  standalone?: PageRoute[];
  /** Mobile portal pages under /m (signed in). */
  mobile?: PageRoute[];
  /** Tiles on the phone home page leading to the module's mobile pages. */
  mobileServices?: MobileService[];
  /** Pages anyone can open (sign-in pages). */
  public?: PageRoute[];
  /** Parts the module adds to the start of the console's header. */
  headerItems?: readonly ComponentType[];
  /** Icons of the module's menu entries, by the name its server manifest gives them (`menu[].icon`). */
  menuIcons?: Readonly<Record<string, ReactNode>>;
  /** The module's console texts, each dictionary with its English twin (`dictionaries()` from domain). */
  messages?: readonly MessageDictionaries[];
  /** The server texts of the module's domain (`domain/src/<module>/messages.ts`), for errors and form rules. */
  serverMessages?: MessageDictionaries;
}
