import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import nl from './locales/nl.json' with { type: 'json' };
import { isLanguage, type Language } from './types.ts';

/** All browser texts live in one namespace; the English file must have every Dutch key. */
export const NS = 'web';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    web: typeof nl;
  }
}

const CHOICE_KEY = 'kb.language';

/** Before sign-in: Dutch unless the browser asks for English. */
export function browserLanguage(): Language {
  return (navigator.language ?? '').toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** A language picked by hand before signing in; saved to the account once the person is signed in. */
export function pendingLanguageChoice(): Language | null {
  try {
    const value = sessionStorage.getItem(CHOICE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguageChoice(language: Language | null): void {
  try {
    if (language) sessionStorage.setItem(CHOICE_KEY, language);
    else sessionStorage.removeItem(CHOICE_KEY);
  } catch {
    // Storage can be blocked; the choice then only lasts until the page reloads.
  }
}

/** The language the app opens in before anyone signed in: picked by hand earlier, else the browser's. */
export function startLanguage(): Language {
  return pendingLanguageChoice() ?? browserLanguage();
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nl';
}

let english: Promise<void> | undefined;

/**
 * Dutch is the app's first language and its fallback, so it comes with the app; the English texts (as
 * large again) are loaded the first time someone needs them, and kept by the browser after that.
 */
function loadTexts(language: Language): Promise<void> {
  if (language === 'nl') return Promise.resolve();
  english ??= import('./locales/en.json').then(
    ({ default: en }) => {
      const texts: typeof nl = en;
      i18n.addResourceBundle('en', NS, texts);
    },
    (error: unknown) => {
      english = undefined;
      throw error;
    },
  );
  return english;
}

/**
 * Shows the app in another language and tells assistive technology via <html lang>; settles once the
 * texts are there (at once for Dutch). When the English texts cannot be loaded (a dropped connection, or
 * a page older than the app on the server: see new-version.ts), the app stays in the language it has and
 * a later switch tries again.
 */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    await loadTexts(language);
  } catch {
    return;
  }
  if (currentLanguage() !== language) await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: { nl: { [NS]: nl } },
  lng: 'nl',
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
  ns: [NS],
  defaultNS: NS,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();
i18n.on('languageChanged', () => {
  document.documentElement.lang = currentLanguage();
});

/** For code outside React (the API client): translates in whatever language is current when called. */
export function fixedT() {
  return i18n.getFixedT(null, NS);
}

/** The translate function for this app's texts, typed against nl.json. */
export function useT() {
  return useTranslation(NS);
}

export { i18n };
