import * as z from 'zod';

export const languages = ['nl', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;
export const defaultLanguage: Language = 'nl';

/** The same test as languageSchema, without zod's parse (run several times on every page of the form). */
export const isLanguage = (value: unknown): value is Language => value === 'nl' || value === 'en';

/** Picks nl or en from an Accept-Language header; Dutch when nothing matches. */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return defaultLanguage;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const match = ranked.find((entry) => (languages as readonly string[]).includes(entry.tag));
  return (match?.tag as Language | undefined) ?? defaultLanguage;
}
