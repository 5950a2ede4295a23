import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './message-catalogue.ts';
import { hasMessage, isLanguage, translate, translateServerText, type Language, type MessageParams, type ServerText } from './translate.ts';

const STORAGE_KEY = 'rg.language';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** Text of a key we own. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Text of a key that comes from data (menu labels, audit actions), or `fallback` if unknown. */
  tKey: (key: string, fallback?: string, params?: MessageParams) => string;
  /** A text the server wrote in Chinese (an error, a todo item), in the chosen language where its key has a twin. */
  tServer: (text: ServerText) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);

  // Also after a reload in a stored language: the page's lang serves screen readers and hyphenation.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      tKey: (key, fallback, params) => (hasMessage(key) ? translate(language, key, params) : (fallback ?? key)),
      tServer: (text) => translateServerText(language, text),
    }),
    [language, setLanguage],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
