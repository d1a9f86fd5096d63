import type { Language } from './language.ts';

const LOCALES: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };

/** A calendar day (`2027-01-02`, or a timestamp's day in UTC) in words for people: "2 januari 2027", "2 January 2027". */
export function dayInWords(day: string | Date, lang: Language): string {
  const date = typeof day === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day) : day;
  if (Number.isNaN(date.getTime())) return String(day);
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
