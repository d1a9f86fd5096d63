import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { type Language, languageFromHeader, languageSchema } from '../../core/language.ts';
import { PublicPage, publicPageCss, registerPublicAsset, sendPublicPage } from '../../http/public-page.tsx';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { REPORT_CSS } from './report-css.ts';
import { publicReportDocument } from './report-files.ts';
import { renderReportHtml } from './report-html.tsx';

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);
const STYLESHEET = '/u-assets/report.css';
const MISSING_STYLESHEET = '/u-assets/page.css';

const missing = {
  nl: {
    title: 'Deze uitkomsten zijn niet te zien',
    text: 'De link klopt niet, of de uitkomsten worden (nog) niet gedeeld. Vraag het aan wie je de link gaf.',
    other: 'English',
  },
  en: {
    title: 'These results cannot be shown',
    text: 'The link is not right, or the results are not shared (yet). Ask whoever gave you the link.',
    other: 'Nederlands',
  },
};

function languageOf(req: FastifyRequest): Language {
  const fromQuery = languageSchema.safeParse((req.query as Record<string, unknown> | undefined)?.lang);
  return fromQuery.success ? fromQuery.data : languageFromHeader(req.headers['accept-language']);
}

/**
 * The public results page of a round (`/u/<token>`): server-rendered, no script, no sign-in, the
 * suppressed report of the whole round and nothing more. Under an anonymous prefix (no request log),
 * rate limited like the respondent form.
 */
export function registerPublicResultPages(app: FastifyInstance, source: InstrumentSource, rateLimit: number): void {
  const ctx = app.services;
  const config = { rateLimit: { max: rateLimit, timeWindow: '1 minute' } };
  registerPublicAsset(app, STYLESHEET, 'text/css; charset=utf-8', REPORT_CSS);
  registerPublicAsset(app, MISSING_STYLESHEET, 'text/css; charset=utf-8', publicPageCss(new URL('../../http/public-page.css', import.meta.url).pathname));

  app.get('/u/:token', { schema: { hide: true }, config }, async (req, reply) => {
    const lang = languageOf(req);
    const token = tokenSchema.safeParse((req.params as { token?: unknown }).token);
    const doc = token.success ? await publicReportDocument(ctx, source, token.data, lang) : null;
    if (!doc) {
      const t = missing[lang];
      const other = lang === 'nl' ? 'en' : 'nl';
      return sendPublicPage(
        reply,
        <PublicPage
          lang={lang}
          title={t.title}
          stylesheet={MISSING_STYLESHEET}
          messages={{ otherLanguage: t.other, otherLanguageCode: other }}
          languageHref={`?lang=${other}`}
        >
          <h1>{t.title}</h1>
          <p>{t.text}</p>
        </PublicPage>,
        404,
      );
    }
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(renderReportHtml(doc, STYLESHEET));
  });
}
