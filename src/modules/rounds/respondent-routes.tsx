import fs from 'node:fs';
import path from 'node:path';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { dayInWords } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { isLanguage, type Language, languageFromHeader } from '../../core/language.ts';
import { errorMessages } from '../../core/messages.ts';
import { publicOrigin } from '../../http/public-origin.ts';
import { fixedPageSender, keptPageSender, publicPageCss, registerPublicAsset, sendPublicHtml, sendPublicPage } from '../../http/public-page.tsx';
import type { AnswerIssue } from '../instruments/answers.ts';
import { visibleQuestions } from '../instruments/answers.ts';
import { localise } from '../instruments/definition.ts';
import type { ResolvedSection } from '../instruments/resolve.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import { browserSecret, ownerHash, ownerHashOf } from './draft-owner.ts';
import { formBrand, registerBrandAssets } from './form/brand-assets.ts';
import { dependsOnPage, followUpHint, followUpsToAsk } from './form/follow-ups.ts';
import type { FormBrand } from './form/Layout.tsx';
import { formMessages } from './form/messages.ts';
import { MessagePage, ResumePage, SavedPage, SectionPage } from './form/pages.tsx';
import { blankPageKey, sectionPageHtml, welcomePageHtml } from './form/rendered-pages.tsx';
import type { InstrumentSource } from './instrument-source.ts';
import { resumeCodeSchema, roundTokenSchema } from './model.ts';
import type { Draft } from './respondent.ts';
import {
  consentFor,
  createResumeCode,
  isCompleteFor,
  type LinkContext,
  loadDraft,
  openLink,
  resumeByCode,
  saveSection,
  startResponse,
  submitDraft,
} from './respondent.ts';

const css = publicPageCss(path.join(import.meta.dirname, 'form', 'form.css'));
const script = fs.readFileSync(path.join(import.meta.dirname, 'form', 'form.js'), 'utf8');

const pageParams = z.object({ token: roundTokenSchema, responseId: z.uuid(), page: z.coerce.number().int().min(1).max(100) });
const tokenParams = z.object({ token: roundTokenSchema });
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const startBody = z.object({ responseId: z.uuid(), consentVersion: z.string().max(64), consent: z.literal('yes').optional() });
const doneParams = z.object({ token: roundTokenSchema, responseId: z.uuid() });

function pickLanguage(req: FastifyRequest, fallback?: string): Language {
  const query = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLanguage(query)) return query;
  const body = req.body as Record<string, unknown> | undefined;
  const posted = body?._lang ?? body?.lang;
  if (isLanguage(posted)) return posted;
  return isLanguage(fallback) ? fallback : languageFromHeader(req.headers['accept-language']);
}

const issuesToErrors = (issues: AnswerIssue[]) => new Map(issues.map((i) => [i.item ? `${i.question}.${i.item}` : i.question, i.message]));

/**
 * The respondent's form: plain HTML rendered on the server, plain form posts, no account and no
 * JavaScript needed. Every page answers in the respondent's language.
 */
export function registerRespondentPages(app: FastifyInstance, source: InstrumentSource, respondentRateLimit: number, storage: PhotoStorage): void {
  const ctx = app.services;
  /** The organisation's name, logo and colours for the pages of a link, looked up once per request. */
  const brands = new WeakMap<LinkContext, FormBrand>();
  /** The thank-you page is the same for everyone in a language: rendered and compressed once. */
  const sendThanks = fixedPageSender();
  /** Section pages nobody has answered yet, kept compressed per cached link object (rendered-pages.tsx, blankPageKey). */
  const sendBlankPage = keptPageSender();

  registerPublicAsset(app, '/r-assets/form.css', 'text/css; charset=utf-8', css);
  registerPublicAsset(app, '/r-assets/form.js', 'text/javascript; charset=utf-8', script);

  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 256 * 1024 });
    const config = { csrf: false, rateLimit: { max: respondentRateLimit, timeWindow: '1 minute', batched: true } };
    registerBrandAssets(scope, ctx, source, storage, config);
    // Browsers never send a compressed form: these routes skip @fastify/compress's request-decompression
    // hook. Their pages are compressed as they are sent (sendPublicHtml), so its answer hook is off too.
    const pageRoute = { config, decompress: false, compress: false } as const;

    const unknown = (reply: FastifyReply, lang: Language) => {
      const t = formMessages(lang);
      return sendPublicPage(reply, <MessagePage lang={lang} title={t.unknownTitle} text={t.unknown} />, 404);
    };
    const closedPage = (reply: FastifyReply, lang: Language, link: LinkContext) => {
      const t = formMessages(lang);
      return sendPublicPage(reply, <MessagePage lang={lang} title={t.closedTitle} text={t.closed(dayInWords(link.closesOn, lang))} />, 410);
    };
    const title = (link: LinkContext, lang: Language) => localise(link.published.instrument.title, lang);
    /** Not this browser's draft (or no draft at all: the same page, so ids cannot be probed). */
    const foreign = (reply: FastifyReply, lang: Language, link: LinkContext) => {
      const t = formMessages(lang);
      return sendPublicPage(
        reply,
        <MessagePage
          lang={lang}
          title={t.foreignTitle}
          text={t.foreign}
          link={{ href: `/r/${link.token}/resume?lang=${lang}`, label: t.foreignResume }}
          secondLink={{ href: `/r/${link.token}?lang=${lang}`, label: t.restart }}
        />,
        403,
      );
    };
    const isForeign = (error: unknown) => error instanceof AppError && error.code === 'rounds.foreign_draft';

    const usedPage = (reply: FastifyReply, lang: Language) => {
      const t = formMessages(lang);
      return sendPublicPage(reply, <MessagePage lang={lang} title={t.invitationUsedTitle} text={t.invitationUsed} />, 410);
    };

    /** Resolves the token, or answers with the friendly page for an unknown or closed link. */
    async function linkOr(req: FastifyRequest, reply: FastifyReply, lang: Language): Promise<LinkContext | undefined> {
      const params = tokenParams.safeParse(req.params);
      const link = params.success ? await openLink(ctx, source, params.data.token) : undefined;
      if (!link) {
        await unknown(reply, lang);
        return undefined;
      }
      if (!link.open) {
        await closedPage(reply, lang, link);
        return undefined;
      }
      // The brand lives as long as the cached link object (two seconds, see openLink).
      if (!brands.has(link)) brands.set(link, await formBrand(ctx.db, link));
      return link;
    }

    function welcome(reply: FastifyReply, link: LinkContext, lang: Language, error?: string, status = 200) {
      const consent = consentFor(link, lang);
      return sendPublicHtml(
        reply,
        welcomePageHtml(link, {
          lang,
          token: link.token,
          brand: brands.get(link),
          title: title(link, lang),
          intro: link.published.instrument.intro ? localise(link.published.instrument.intro, lang) : undefined,
          organisationName: link.organisationName,
          teamName: link.teamName,
          statement: consent.paragraphs,
          consentVersion: consent.version,
          responseId: newId(),
          error,
        }),
        status,
      );
    }

    scope.get('/r/:token', pageRoute, async (req, reply) => {
      const lang = pickLanguage(req);
      const link = await linkOr(req, reply, lang);
      if (link?.invitation?.spent) return usedPage(reply, lang);
      if (link) return welcome(reply, link, lang);
    });

    scope.post('/r/:token/start', pageRoute, async (req, reply) => {
      const lang = pickLanguage(req);
      const link = await linkOr(req, reply, lang);
      if (!link) return;
      const body = startBody.safeParse(req.body);
      if (!body.success) return unknown(reply, lang);
      const t = formMessages(lang);
      if (!body.data.consent) return welcome(reply, link, lang, t.agreeRequired, 400);
      try {
        const owner = ownerHash(browserSecret(req, reply), body.data.responseId);
        await startResponse(ctx, link, { responseId: body.data.responseId, language: lang, consentVersion: body.data.consentVersion, ownerHash: owner });
      } catch (error) {
        if (error instanceof AppError && error.code === 'rounds.consent_changed') return welcome(reply, link, lang, t.consentChanged, 409);
        if (error instanceof AppError && error.code === 'rounds.invitation_used') return usedPage(reply, lang);
        if (isForeign(error)) return foreign(reply, lang, link);
        throw error;
      }
      return reply.redirect(`/r/${link.token}/${body.data.responseId}/1`, 303);
    });

    async function sectionPage(req: FastifyRequest, reply: FastifyReply, posted?: Record<string, unknown>, issues?: AnswerIssue[], status = 200) {
      const params = pageParams.safeParse(req.params);
      if (!params.success) return unknown(reply, pickLanguage(req));
      const link = await linkOr(req, reply, pickLanguage(req));
      if (!link) return;
      const draft = await loadDraft(ctx, link, params.data.responseId, ownerHashOf(req, params.data.responseId));
      const lang = pickLanguage(req, draft?.language);
      if (!draft) return foreign(reply, lang, link);
      if (draft.status === 'complete') return reply.redirect(`/r/${link.token}/${params.data.responseId}/done?lang=${lang}`, 303);
      const instrument = link.published.instrument;
      const index = params.data.page - 1;
      const section = instrument.sections[index];
      if (!section) return unknown(reply, lang);
      const answers = { ...draft.answers, ...(posted ?? {}) };
      const keys = new Set(section.questions.map((q) => q.key));
      // Shown: what the answers so far call for. A follow-up that hangs on an answer on this same
      // page is in the page but hidden until that answer calls for it (the script shows it; without
      // the script it is asked on an extra step after sending: followUpsToAsk).
      const visible = new Set(visibleQuestions(instrument, answers).map((q) => q.key));
      const questions = section.questions.filter((q) => visible.has(q.key) || dependsOnPage(q, keys));
      const followUps = new Map(questions.filter((q) => dependsOnPage(q, keys)).map((q) => [q.key, followUpHint(q, instrument, lang)]));
      const hiddenFollowUps = new Set(questions.filter((q) => !visible.has(q.key)).map((q) => q.key));
      const page = { lang, token: link.token, brand: brands.get(link), title: title(link, lang), instrument, index };
      const props = { ...page, questions, answers, errors: issuesToErrors(issues ?? []), followUps, hiddenFollowUps };
      // Nothing answered on it yet (the usual page after "next"): the same page for everyone on the link, compressed once.
      const blank = blankPageKey(props);
      if (blank !== undefined && status === 200) return sendBlankPage(reply, link, blank, () => sectionPageHtml(link, props));
      return sendPublicHtml(reply, sectionPageHtml(link, props), status);
    }

    scope.get('/r/:token/:responseId/:page', pageRoute, (req, reply) => sectionPage(req, reply));

    scope.post('/r/:token/:responseId/:page', pageRoute, async (req, reply) => {
      const params = pageParams.safeParse(req.params);
      const body = formBody.safeParse(req.body ?? {});
      if (!params.success || !body.success) return unknown(reply, pickLanguage(req));
      const link = await linkOr(req, reply, pickLanguage(req));
      if (!link) return;
      const lang = pickLanguage(req);
      const { _action: action = 'next', _lang: _ignored, _js: withScript, _step: step, ...posted } = body.data;
      const instrument = link.published.instrument;
      const index = params.data.page - 1;
      const section = instrument.sections[index];
      if (!section) return unknown(reply, lang);
      const base = `/r/${link.token}/${params.data.responseId}`;
      const owner = ownerHashOf(req, params.data.responseId);
      // Read once for both the follow-up step and the save (saveSection reads it itself when this found none).
      const draft = await loadDraft(ctx, link, params.data.responseId, owner);
      const p = { link, lang, section, responseId: params.data.responseId, page: params.data.page, posted, draft };
      try {
        const asked = action === 'next' && !withScript && step !== 'follow-ups' ? followUpStep(reply, p) : undefined;
        return await (asked ?? answerPage(req, reply, { ...p, base, action, owner }));
      } catch (error) {
        if (isForeign(error)) return foreign(reply, lang, link);
        throw error;
      }
    });

    /**
     * Without JavaScript, a follow-up on the same page as the answer it depends on was hidden: when
     * the answers just sent call for one, it is asked now, on a short extra step that carries the
     * page's other answers along. Nothing is stored until that step is sent.
     */
    function followUpStep(
      reply: FastifyReply,
      p: {
        link: LinkContext;
        lang: Language;
        section: ResolvedSection;
        responseId: string;
        page: number;
        posted: Record<string, string | string[]>;
        draft: Draft | undefined;
      },
    ) {
      const { draft } = p;
      if (!draft || draft.status === 'complete') return undefined;
      const instrument = p.link.published.instrument;
      const sectionKeys = p.section.questions.map((q) => q.key);
      const others = Object.fromEntries(Object.entries(draft.answers).filter(([key]) => !sectionKeys.includes(key.split('.')[0] ?? key)));
      const asked = followUpsToAsk(instrument, p.section, draft.answers, { ...others, ...p.posted });
      if (asked.length === 0) return undefined;
      const keys = new Set(sectionKeys);
      return sendPublicPage(
        reply,
        <SectionPage
          lang={p.lang}
          token={p.link.token}
          brand={brands.get(p.link)}
          title={title(p.link, p.lang)}
          instrument={instrument}
          index={p.page - 1}
          questions={asked}
          answers={p.posted}
          errors={new Map()}
          followUps={new Map(asked.filter((q) => dependsOnPage(q, keys)).map((q) => [q.key, followUpHint(q, instrument, p.lang)]))}
          followUpStep={{
            carried: Object.fromEntries(Object.entries(p.posted).filter(([field]) => !asked.some((q) => field === q.key || field.startsWith(`${q.key}.`)))),
          }}
        />,
      );
    }

    /** Stores a posted page and goes where the button said: on, back, save for later, or send. */
    async function answerPage(
      req: FastifyRequest,
      reply: FastifyReply,
      p: {
        link: LinkContext;
        lang: Language;
        section: { key: string };
        responseId: string;
        page: number;
        base: string;
        action: string | string[];
        posted: Record<string, string | string[]>;
        owner: string | undefined;
        draft: Draft | undefined;
      },
    ) {
      const { link, lang, section, responseId, page, base, action, posted, owner } = p;
      const instrument = link.published.instrument;
      const saved = await saveSection(ctx, link, {
        responseId,
        ownerHash: owner,
        draft: p.draft,
        sectionKey: section.key,
        posted,
        lang,
        options: { keepWhatIsValid: action === 'later' || action === 'back' },
      });

      if (action === 'later') {
        const code = await createResumeCode(ctx, link, responseId, owner, page);
        const origin = publicOrigin(ctx.config, req);
        return sendPublicPage(
          reply,
          <SavedPage
            lang={lang}
            token={link.token}
            brand={brands.get(link)}
            title={title(link, lang)}
            code={code}
            resumeUrl={origin ? `${origin}/r/${link.token}/resume` : undefined}
            continueHref={`${base}/${page}?lang=${lang}`}
          />,
        );
      }
      if (action === 'back') return reply.redirect(`${base}/${Math.max(1, page - 1)}?lang=${lang}`, 303);
      if (!saved.ok) return sectionPage(req, reply, posted, saved.issues, 400);
      if (page < instrument.sections.length) return reply.redirect(`${base}/${page + 1}?lang=${lang}`, 303);

      const submitted = await submitDraft(ctx, link, responseId, owner, lang);
      if (!submitted.ok) {
        // Something on an earlier page is not right (a required answer left open): show that page.
        const first = submitted.issues[0]?.question;
        const target = instrument.sections.findIndex((s) => s.questions.some((q) => q.key === first));
        return reply.redirect(`${base}/${target + 1}?lang=${lang}`, 303);
      }
      return reply.redirect(`${base}/done?lang=${lang}`, 303);
    }

    scope.get('/r/:token/:responseId/done', pageRoute, async (req, reply) => {
      const lang = pickLanguage(req);
      const params = doneParams.safeParse(req.params);
      const link = params.success ? await openLink(ctx, source, params.data.token) : undefined;
      if (!link || !params.success) return unknown(reply, lang);
      if (!(await isCompleteFor(ctx, link, params.data.responseId, ownerHashOf(req, params.data.responseId)))) return foreign(reply, lang, link);
      const t = formMessages(lang);
      return sendThanks(reply, lang, () => <MessagePage lang={lang} title={t.thanksTitle} text={t.thanks} />);
    });

    scope.get('/r/:token/resume', pageRoute, async (req, reply) => {
      const lang = pickLanguage(req);
      const link = await linkOr(req, reply, lang);
      if (link) return sendPublicPage(reply, <ResumePage lang={lang} token={link.token} brand={brands.get(link)} title={title(link, lang)} />);
    });

    scope.post('/r/:token/resume', { config: { csrf: false, rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
      const lang = pickLanguage(req);
      const link = await linkOr(req, reply, lang);
      if (!link) return;
      const raw = (req.body as Record<string, unknown> | undefined)?.code;
      const code = resumeCodeSchema.safeParse(raw);
      const t = formMessages(lang);
      let resumed: { responseId: string; page: number } | undefined;
      try {
        resumed = await app.limiter.guarded('resume-code', link.roundId, async () =>
          code.success ? resumeByCode(ctx, link, code.data, browserSecret(req, reply)) : undefined,
        );
      } catch (error) {
        if (!(error instanceof AppError && error.id === 'rate_limited')) throw error;
        return sendPublicPage(reply, <MessagePage lang={lang} title={t.tooManyTitle} text={errorMessages.rate_limited[lang]} />, 429);
      }
      if (!resumed) {
        return sendPublicPage(
          reply,
          <ResumePage
            lang={lang}
            token={link.token}
            brand={brands.get(link)}
            title={title(link, lang)}
            error={t.resumeUnknown}
            code={typeof raw === 'string' ? raw : ''}
          />,
          400,
        );
      }
      return reply.redirect(`/r/${link.token}/${resumed.responseId}/${resumed.page}?lang=${lang}`, 303);
    });
  });
}
