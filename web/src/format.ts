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

/** A day in words ("2 januari 2027"); a calendar day (`2027-01-02`) stays that day in every time zone. */
export function formatDate(iso: string, language: Language): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dayOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'long', ...(dayOnly ? { timeZone: 'UTC' } : {}) }).format(date);
}
