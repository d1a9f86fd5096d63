import type { Language } from '../../core/language.ts';

/** The report's way of writing numbers and dates: Flemish Dutch or British English. */
export const reportLocale = (lang: Language) => (lang === 'nl' ? 'nl-BE' : 'en-GB');

/** One formatter per language and number of decimals: making one costs far more than using it, and a report formats thousands of figures. */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, decimals: number, lang: Language): string {
  const key = `${lang} ${decimals}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(reportLocale(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, formatter);
  }
  return formatter.format(value);
}
