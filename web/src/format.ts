import type { Language } from './types.ts';

/** The browser's own locale when it speaks the same language (nl-NL, en-US …), else Flemish or British. */
function localeFor(language: Language): string {
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  if (browser.toLowerCase().startsWith(language)) return browser;
  return language === 'nl' ? 'nl-BE' : 'en-GB';
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'long' }).format(date);
}
