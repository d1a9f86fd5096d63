import fs from 'node:fs';
import path from 'node:path';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { Actor } from '../../core/context.ts';
import { AppError, type ErrorId } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { errorMessages } from '../../core/messages.ts';
import type { MeetingTable } from '../../db/tables/meetings.ts';
import { formCsrfValid } from '../../http/form-csrf.ts';
import { publicPageCss, registerPublicAsset, sendPublicPage } from '../../http/public-page.tsx';
import { answerFields, one, parseAnswerFields } from './answer-fields.ts';
import type { MeetingBus } from './events.ts';
import { meetingsChanged } from './hot-cache.ts';
import { normaliseJoinCode } from './join-code.ts';
import { raiseSignalFromAnswer } from './keep-signal.ts';
import { keepAnswerAsStory } from './keep-story.ts';
import { recordRoundConsent, roundConsentStatement } from './meeting-rounds.ts';
import { clientIdSchema, limits, participantPositionSchema } from './model.ts';
import { meetingMessages } from './page/messages.ts';
import { CodePage, JoinPage, MessagePage, ReceiptPage, WithdrawPage } from './page/pages.tsx';
import { PromptPage } from './page/prompt-page.tsx';
import { answer, ask, currentAnswer, join, meetingByCode, participantOf, placeAfterAnswer, promptFor, upvote, withdraw } from './participant.ts';
import { PARTICIPANT_COOKIE, participantHome, pickLanguage } from './participant-http.ts';
import { resultsOf } from './results-service.ts';

const css = publicPageCss(path.join(import.meta.dirname, 'page', 'meeting.css'));
const script = fs.readFileSync(path.join(import.meta.dirname, 'page', 'meeting.js'), 'utf8');

type PageExtra = { notice?: string; error?: string; status?: number };

const isAppError = (error: unknown, ...ids: ErrorId[]) => error instanceof AppError && ids.includes(error.id);

/** The place to come back to after a post that keeps an answer: `&p=<number>`, or nothing. */
const placeOf = (fields: Record<string, unknown>) => (typeof fields.p === 'string' && /^\d{1,3}$/.test(fields.p) ? `&p=${fields.p}` : '');

function noticeOf(query: Record<string, unknown>, t: ReturnType<typeof meetingMessages>): string | undefined {
  if (query.kept === '1') return t.kept;
  if (query.signal === '1') return t.signalRaised;
  if (query.consent === 'given') return t.roundConsentGiven;
  if (query.consent === 'declined') return t.roundConsentDeclined;
  return query.saved === '1' ? t.saved : undefined;
}

/**
 * The participant's pages at /m/<code>: rendered on the server, plain form posts, no account and no
 * JavaScript needed. Paths under /m/ are logged without the code and without an address (core/logger.ts).
 */
export function registerParticipantPages(app: FastifyInstance, bus: MeetingBus, rateLimit: number): void {
  const ctx = app.services;
  registerPublicAsset(app, '/m-assets/meeting.css', 'text/css; charset=utf-8', css);
  registerPublicAsset(app, '/m-assets/meeting.js', 'text/javascript; charset=utf-8', script);
  // Page requests are counted per process in memory under the app's address-free client key
  // (http/security.ts): a database write per answer cost more than this limit is worth. Unknown join
  // codes are guesses, counted in the shared store, so that limit holds across processes.
  const config = { csrf: false, rateLimit: { max: rateLimit, timeWindow: '1 minute', perProcess: true } };
  // A "state" event (from any process) renews the phones' cache of meetings and prompts (hot-cache.ts).
  const watched = new Set<string>();
  const watch = (meeting: MeetingTable | undefined) => {
    if (!meeting || watched.has(meeting.id)) return meeting;
    if (watched.size >= 10_000) watched.clear();
    watched.add(meeting.id);
    bus.subscribe(meeting.id, (event) => {
      if (event.kind === 'state') meetingsChanged();
    });
    return meeting;
  };
  const findByCode = async (code: string) => watch(await app.limiter.guarded('join-code', undefined, () => meetingByCode(ctx, code)));
  const tooManyGuesses = (reply: FastifyReply, lang: Language) => sendPublicPage(reply, <CodePage lang={lang} error={errorMessages.rate_limited[lang]} />, 429);
  const isRateLimited = (error: unknown) => error instanceof AppError && error.id === 'rate_limited';

  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 16 * 1024 });

    const cookiePath = (code: string) => `/m/${code}`;

    async function meetingOr(req: FastifyRequest, reply: FastifyReply, lang: Language): Promise<MeetingTable | undefined> {
      const code = (req.params as { code?: string }).code ?? '';
      let meeting: MeetingTable | undefined;
      try {
        meeting = await findByCode(code);
      } catch (error) {
        if (!isRateLimited(error)) throw error;
        await tooManyGuesses(reply, lang);
        return undefined;
      }
      if (!meeting) {
        await sendPublicPage(reply, <CodePage lang={lang} error={meetingMessages(lang).unknownCode} />, 404);
        return undefined;
      }
      return meeting;
    }

    async function promptPage(req: FastifyRequest, reply: FastifyReply, meeting: MeetingTable, lang: Language, extra: PageExtra = {}) {
      const t = meetingMessages(lang);
      const participant = await participantOf(ctx, meeting, req.cookies[PARTICIPANT_COOKIE]);
      if (meeting.status === 'closed')
        return sendPublicPage(reply, <MessagePage lang={lang} code={meeting.join_code} title={t.closedTitle} text={t.closedText} withdraw />);
      if (!participant) return sendPublicPage(reply, <JoinPage lang={lang} code={meeting.join_code} title={meeting.title} />);
      if (meeting.status !== 'live') return sendPublicPage(reply, <MessagePage lang={lang} code={meeting.join_code} title={t.waitTitle} text={t.waitText} />);
      const chosen = z.coerce
        .number()
        .int()
        .min(0)
        .max(limits.prompts)
        .safeParse((req.query as Record<string, unknown>).p ?? (req.body as Record<string, unknown> | undefined)?.p);
      const { prompt, count } = await promptFor(ctx, meeting, chosen.success ? chosen.data : undefined);
      if (!prompt) return sendPublicPage(reply, <MessagePage lang={lang} code={meeting.join_code} title={t.waitTitle} text={t.waitText} />);
      const showResults = prompt.resultsVisible || prompt.kind === 'qa';
      // The CSRF cookie is set only for a signed-in phone; an anonymous participant gets no cookie.
      const keep = prompt.kind !== 'open_text' ? undefined : req.actor ? { csrf: reply.generateCsrf() } : ('sign_in' as const);
      const query = req.query as Record<string, unknown>;
      return sendPublicPage(
        reply,
        <PromptPage
          lang={lang}
          code={meeting.join_code}
          title={meeting.title}
          prompt={prompt}
          index={prompt.position}
          count={count}
          participantPaced={meeting.pacing === 'participant'}
          current={await currentAnswer(ctx, participant, prompt.id)}
          clientId={newId()}
          results={showResults ? await resultsOf(ctx, meeting, prompt) : undefined}
          notice={extra.notice ?? noticeOf(query, t)}
          error={extra.error}
          keep={keep}
          roundConsent={participant.round_consent ? undefined : await roundConsentStatement(ctx, meeting, lang)}
        />,
        extra.status ?? 200,
      );
    }

    /**
     * What a form post to a meeting starts with: the meeting (or its error page sent), the page's
     * language and messages, the phone's participant, and the answers a handler sends.
     */
    async function meetingPost(req: FastifyRequest, reply: FastifyReply) {
      const meeting = await meetingOr(req, reply, pickLanguage(req));
      if (!meeting) return undefined;
      const lang = pickLanguage(req, meeting.language);
      return {
        meeting,
        lang,
        t: meetingMessages(lang),
        participant: await participantOf(ctx, meeting, req.cookies[PARTICIPANT_COOKIE]),
        page: (extra?: PageExtra) => promptPage(req, reply, meeting, lang, extra),
        redirect: (extra: string) => reply.redirect(participantHome(meeting.join_code, lang, extra), 303),
      };
    }

    /** A post that only a joined phone makes: without a participant, the prompt page (the join page) is sent. */
    async function participantPost(req: FastifyRequest, reply: FastifyReply) {
      const c = await meetingPost(req, reply);
      if (!c) return undefined;
      const { participant } = c;
      if (!participant) {
        await c.page();
        return undefined;
      }
      return { ...c, participant };
    }

    /** Keeping an answer needs a signed-in account and its form token; otherwise what the page says. */
    async function signedInPost(
      req: FastifyRequest,
      reply: FastifyReply,
      fields: Record<string, unknown>,
      signInNotice: string,
      t: ReturnType<typeof meetingMessages>,
    ): Promise<{ actor: Actor } | { refusal: PageExtra }> {
      if (!req.actor) return { refusal: { notice: signInNotice, status: 401 } };
      if (!(await formCsrfValid(app, req, reply, fields._csrf))) return { refusal: { error: t.keepExpired, status: 403 } };
      return { actor: req.actor };
    }

    scope.get('/m', { config }, (req, reply) => sendPublicPage(reply, <CodePage lang={pickLanguage(req)} />));
    scope.post('/m', { config }, async (req, reply) => {
      const lang = pickLanguage(req);
      const code = normaliseJoinCode(String((req.body as Record<string, unknown> | undefined)?.code ?? ''));
      let found: MeetingTable | undefined;
      try {
        found = code ? await findByCode(code) : undefined;
      } catch (error) {
        if (!isRateLimited(error)) throw error;
        return tooManyGuesses(reply, lang);
      }
      if (!found) return sendPublicPage(reply, <CodePage lang={lang} error={meetingMessages(lang).unknownCode} />, 400);
      return reply.redirect(participantHome(found.join_code, lang), 303);
    });

    scope.get('/m/:code', { config }, async (req, reply) => {
      const lang = pickLanguage(req);
      const meeting = await meetingOr(req, reply, lang);
      if (meeting) return promptPage(req, reply, meeting, pickLanguage(req, meeting.language));
    });

    scope.post('/m/:code/join', { config }, async (req, reply) => {
      const meeting = await meetingOr(req, reply, pickLanguage(req));
      if (!meeting) return;
      const lang = pickLanguage(req, meeting.language);
      if (meeting.status === 'closed') return promptPage(req, reply, meeting, lang);
      const position = participantPositionSchema.safeParse((req.body as Record<string, unknown> | undefined)?.position);
      const joined = await join(ctx, meeting, position.success ? position.data : null);
      reply.setCookie(PARTICIPANT_COOKIE, joined.token, { path: cookiePath(meeting.join_code), httpOnly: true, sameSite: 'lax', secure: 'auto' });
      await bus.publish({ meetingId: meeting.id, kind: 'joined' });
      return sendPublicPage(reply, <ReceiptPage lang={lang} code={meeting.join_code} receipt={joined.receipt} />);
    });

    scope.post('/m/:code/answer', { config }, async (req, reply) => {
      const c = await participantPost(req, reply);
      if (!c) return;
      const { meeting, participant, t, page } = c;
      const fields = answerFields.safeParse(req.body ?? {});
      if (!fields.success) return page();
      const parsed = parseAnswerFields(fields.data);
      if ('refused' in parsed) return page({ error: t[parsed.refused], status: 400 });
      try {
        await answer(ctx, meeting, participant, { promptId: parsed.promptId, clientId: parsed.clientId, raw: parsed.value });
      } catch (error) {
        if (isAppError(error, 'conflict')) return page({ notice: t.notOpen, status: 409 });
        if (isAppError(error, 'validation_failed', 'not_found')) return page({ error: t.invalid, status: 400 });
        throw error;
      }
      await bus.publish({ meetingId: meeting.id, kind: 'answers' });
      return c.redirect(`&saved=1${await placeAfterAnswer(ctx, meeting, one(fields.data.p))}`);
    });

    // Only the author's own choice on their own phone: a private draft story by the signed-in account,
    // never linked to the participant or the answer row (keep-story.ts).
    scope.post('/m/:code/keep', { config }, async (req, reply) => {
      const c = await participantPost(req, reply);
      if (!c) return;
      const { meeting, participant, t, page } = c;
      const fields = (req.body ?? {}) as Record<string, unknown>;
      const signedIn = await signedInPost(req, reply, fields, t.keepSignIn, t);
      if ('refusal' in signedIn) return page(signedIn.refusal);
      const promptId = z.uuid().safeParse(fields.promptId);
      try {
        if (!promptId.success || !(await keepAnswerAsStory(ctx, signedIn.actor, meeting, participant, promptId.data)))
          return page({ error: t.invalid, status: 400 });
      } catch (error) {
        if (isAppError(error, 'forbidden', 'not_found')) return page({ error: t.keepNotAllowed, status: 403 });
        throw error;
      }
      return c.redirect(`&kept=1${placeOf(fields)}`);
    });

    // Only the author's own choice on their own phone: a signal under the signed-in account, in member checking.
    scope.post('/m/:code/signal', { config }, async (req, reply) => {
      const c = await participantPost(req, reply);
      if (!c) return;
      const { meeting, participant, t, page } = c;
      const fields = (req.body ?? {}) as Record<string, unknown>;
      const signedIn = await signedInPost(req, reply, fields, t.signalSignIn, t);
      if ('refusal' in signedIn) return page(signedIn.refusal);
      const body = z
        .object({ promptId: z.uuid(), title: z.string().trim().min(1).max(200), barrierFor: z.string().trim().min(1).max(1000), logic: z.string().max(60) })
        .safeParse(fields);
      try {
        if (!body.success || !(await raiseSignalFromAnswer(ctx, signedIn.actor, meeting, participant, { promptId: body.data.promptId, input: body.data })))
          return page({ error: t.invalid, status: 400 });
      } catch (error) {
        if (isAppError(error, 'validation_failed')) return page({ error: t.invalid, status: 400 });
        if (isAppError(error, 'forbidden', 'not_found')) return page({ error: t.signalNotAllowed, status: 403 });
        throw error;
      }
      return c.redirect(`&signal=1${placeOf(fields)}`);
    });

    // Asked once: may the answers to prompts linked to a questionnaire also be stored as its round?
    scope.post('/m/:code/consent', { config }, async (req, reply) => {
      const c = await participantPost(req, reply);
      if (!c) return;
      const { meeting, participant, t, page } = c;
      const body = z.object({ choice: z.enum(['given', 'declined']), version: z.string().regex(/^[0-9a-f]{16}$/) }).safeParse(req.body ?? {});
      if (!body.success) return page({ error: t.invalid, status: 400 });
      try {
        await recordRoundConsent(ctx, meeting, participant, body.data.choice, body.data.version);
      } catch (error) {
        if (isAppError(error, 'conflict')) return page({ error: t.roundConsentChanged, status: 409 });
        throw error;
      }
      return c.redirect(`&consent=${body.data.choice}${placeOf(req.body as Record<string, unknown>)}`);
    });

    scope.post('/m/:code/ask', { config }, async (req, reply) => {
      const c = await participantPost(req, reply);
      if (!c) return;
      const { meeting, participant, t, page } = c;
      const body = z
        .object({ promptId: z.uuid(), clientId: clientIdSchema, question: z.string().trim().min(1).max(limits.question) })
        .safeParse(req.body ?? {});
      if (!body.success) return page({ error: t.invalid, status: 400 });
      try {
        await ask(ctx, meeting, participant, { promptId: body.data.promptId, clientId: body.data.clientId, text: body.data.question });
      } catch (error) {
        if (error instanceof AppError) return page({ notice: t.notOpen, status: 409 });
        throw error;
      }
      await bus.publish({ meetingId: meeting.id, kind: 'answers' });
      return page({ notice: t.asked });
    });

    scope.post('/m/:code/upvote', { config }, async (req, reply) => {
      const c = await meetingPost(req, reply);
      if (!c) return;
      const body = z.object({ questionId: z.uuid() }).safeParse(req.body ?? {});
      if (c.participant && body.success) {
        try {
          await upvote(ctx, c.meeting, c.participant, body.data.questionId);
          await bus.publish({ meetingId: c.meeting.id, kind: 'answers' });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
        }
      }
      return c.redirect('');
    });

    scope.get('/m/:code/withdraw', { config }, async (req, reply) => {
      const meeting = await meetingOr(req, reply, pickLanguage(req));
      if (meeting) return sendPublicPage(reply, <WithdrawPage lang={pickLanguage(req, meeting.language)} code={meeting.join_code} />);
    });
    scope.post('/m/:code/withdraw', { config }, async (req, reply) => {
      const meeting = await meetingOr(req, reply, pickLanguage(req));
      if (!meeting) return;
      const lang = pickLanguage(req, meeting.language);
      const receipt = String((req.body as Record<string, unknown> | undefined)?.receipt ?? '').slice(0, 20);
      if (!(await withdraw(ctx, meeting, receipt)))
        return sendPublicPage(reply, <WithdrawPage lang={lang} code={meeting.join_code} error={meetingMessages(lang).withdrawUnknown} />, 400);
      reply.clearCookie(PARTICIPANT_COOKIE, { path: cookiePath(meeting.join_code) });
      await bus.publish({ meetingId: meeting.id, kind: 'answers' });
      return sendPublicPage(reply, <WithdrawPage lang={lang} code={meeting.join_code} done />);
    });
  });
}
