import type { FastifyRequest } from 'fastify';
import { type Language, languageFromHeader, languageSchema } from '../../core/language.ts';

/** What the participant's pages and live socket share at the edge: the language and the page's address. */

/** The cookie with the participant's token, on the meeting's path only (/m/<code>, its live socket included). */
export const PARTICIPANT_COOKIE = 'kb_m';

/** The language asked for (?lang=), else the meeting's, else the browser's. */
export function pickLanguage(req: FastifyRequest, fallback?: string): Language {
  const fromQuery = languageSchema.safeParse((req.query as Record<string, unknown> | undefined)?.lang);
  if (fromQuery.success) return fromQuery.data;
  const stored = languageSchema.safeParse(fallback);
  return stored.success ? stored.data : languageFromHeader(req.headers['accept-language']);
}

/** The participant's page of a meeting, where a post sends the phone back to. */
export const participantHome = (code: string, lang: Language, extra = '') => `/m/${code}?lang=${lang}${extra}`;
