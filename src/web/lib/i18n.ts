import { createContext, useContext } from 'react';
import { translate, type Language, type MessageKey } from './messages.js';

export interface I18n {
  readonly language: Language;
  readonly locale: string;
  readonly t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

/** An I18n for a language. */
export function createI18n(language: Language): I18n {
  return {
    language,
    locale: language === 'fr' ? 'fr-FR' : 'en-GB',
    t: (key, values) => translate(language, key, values),
  };
}

export const I18nContext = createContext<I18n>(createI18n('en'));

/** The texts of the chosen language. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
