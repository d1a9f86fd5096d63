import { randomInt } from 'node:crypto';
import type { ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { hashToken } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import type { Db } from '../../db/database.ts';
import { groupCommitterFor } from '../../db/group-commit.ts';
import type { AnswerTable, ResponseTable } from '../../db/tables/rounds.ts';
import {
  type AnswerIssue,
  type AnswerRow,
  type AnswerValue,
  keepableSectionRows,
  rowsToAnswers,
  validateAnswers,
  validateSection,
  visibleQuestions,
} from '../instruments/answers.ts';
import { allQuestions } from '../instruments/definition.ts';
import type { ResolvedInstrument } from '../instruments/resolve.ts';
import { invitationForToken, noteInvitationUsed } from '../round-invitations/service.ts';
import { anonymityStatement } from './anonymity.ts';
import { ownerHash } from './draft-owner.ts';
import type { InstrumentSource, PublishedInstrument } from './instrument-source.ts';
import { isOpen, today } from './service.ts';
import * as store from './store.ts';
import { submitInBatch } from './submission-batch.ts';
import { addResponsesToTallies } from './tally-store.ts';

/** What a respondent's link opens: the round, its scope and the instrument. Never who they are. */
export type LinkContext = {
  token: string;
  linkId: string;
  roundId: string;
  teamId: string | null;
  organisationId: string;
  organisationName: string;
  teamName: string | null;
  closesOn: string;
  open: boolean;
  openTextExport: boolean;
  disclosureThreshold: number;
  published: PublishedInstrument;
  /** Set when the token is a personal invitation: its id (never stored with a response) and whether it was used. */
  invitation?: { id: string; spent: boolean } | undefined;
};

const committerFor = groupCommitterFor;

/**
 * Every page view and submission opens its link; a whole sector answering at once would repeat the
 * same lookup thousands of times a second. Links are kept for two seconds, so closing a round or
 * changing its last day takes effect within two seconds.
 */
const LINK_TTL_MS = 2000;
const recentLinks = new WeakMap<Db, Map<string, { link: LinkContext; until: number }>>();

export async function openLink(ctx: ServiceContext, source: InstrumentSource, token: string): Promise<LinkContext | undefined> {
  let cache = recentLinks.get(ctx.db);
  if (!cache) {
    cache = new Map();
    recentLinks.set(ctx.db, cache);
  }
  const now = ctx.clock.now().getTime();
  const hit = cache.get(token);
  if (hit && hit.until > now) return hit.link;
  const link = await loadLink(ctx, source, token);
  if (cache.size > 10_000) cache.clear();
  // A personal invitation is looked up afresh each time: once used it must not open the form again.
  if (link && !link.invitation) cache.set(token, { link, until: now + LINK_TTL_MS });
  else cache.delete(token);
  return link;
}

async function loadLink(ctx: ServiceContext, source: InstrumentSource, token: string): Promise<LinkContext | undefined> {
  const invitation = (await store.findLinkByToken(ctx.db, token)) ? undefined : await invitationForToken(ctx.db, token);
  const link = invitation ? await store.findLinkById(ctx.db, invitation.linkId) : await store.findLinkByToken(ctx.db, token);
  if (!link) return undefined;
  const published = await source(ctx, link.instrument_version_id);
  if (!published) return undefined;
  return {
    token,
    linkId: link.link_id,
    roundId: link.round_id,
    teamId: link.team_id,
    organisationId: link.organisation_id,
    organisationName: link.organisation_name,
    teamName: link.team_name,
    closesOn: link.closes_on,
    open: isOpen({ status: link.status, closes_on: link.closes_on }, today(ctx)),
    openTextExport: link.open_text_export === 1,
    disclosureThreshold: link.disclosure_threshold,
    published,
    invitation: invitation ? { id: invitation.invitationId, spent: invitation.spent } : undefined,
  };
}

const consentCache = new WeakMap<LinkContext, Partial<Record<Language, ReturnType<typeof anonymityStatement>>>>();

export function consentFor(link: LinkContext, lang: Language) {
  const cached = consentCache.get(link)?.[lang];
  if (cached) return cached;
  const statement = buildConsent(link, lang);
  consentCache.set(link, { ...consentCache.get(link), [lang]: statement });
  return statement;
}

const buildConsent = (link: LinkContext, lang: Language) =>
  anonymityStatement(
    {
      organisationName: link.organisationName,
      teamName: link.teamName,
      closesOn: link.closesOn,
      openTextExport: link.openTextExport,
      disclosureThreshold: link.disclosureThreshold,
      invited: link.invitation !== undefined,
    },
    lang,
  );

const closed = () => new AppError('conflict', { code: 'rounds.round_closed' });
/** Not this browser's draft, or no draft at all: one answer for both, so no id can be probed. */
export const foreignDraft = () => new AppError('forbidden', { code: 'rounds.foreign_draft' });
/** A personal invitation opens one response only. */
export const invitationUsed = () => new AppError('conflict', { code: 'rounds.invitation_used' });

/**
 * After the response's own commit, in a transaction of its own: the invitation is noted as used,
 * with no time and nothing that points at the response (round-invitations/service.ts).
 */
async function noteUse(ctx: ServiceContext, link: LinkContext): Promise<void> {
  if (link.invitation) await noteInvitationUsed(ctx.db, link.invitation.id);
}

/** A response as it is first stored: its round and scope, never who gave it; dates to the day. */
function newResponse(
  ctx: ServiceContext,
  link: LinkContext,
  input: { responseId: string; language: Language; consentVersion: string },
  status: 'draft' | 'complete',
  ownerHash: string | null = null,
): ResponseTable {
  return {
    id: input.responseId,
    round_id: link.roundId,
    link_id: link.linkId,
    team_id: link.teamId,
    instrument_version_id: link.published.versionId,
    language: input.language,
    consent_version: input.consentVersion,
    status,
    started_on: today(ctx),
    submitted_on: status === 'complete' ? today(ctx) : null,
    resume_code_hash: null,
    owner_hash: ownerHash,
  };
}

const toTable = (responseId: string, rows: AnswerRow[]): AnswerTable[] =>
  rows.map((r) => ({ response_id: responseId, question: r.question, item: r.item, option: r.option, number_value: r.number, text_value: r.text }));

const fromTable = (rows: Awaited<ReturnType<typeof store.answersOf>>): AnswerRow[] =>
  rows.map((r) => ({
    question: r.question,
    item: r.item,
    option: r.option,
    number: r.number_value === null ? null : Number(r.number_value),
    text: r.text_value,
  }));

/**
 * Records that someone agreed and began, for the browser with `ownerHash` (see draft-owner.ts).
 * The id comes from the page that showed the form, so a double click or a retry in the same
 * browser starts nothing twice; the same id from another browser is refused.
 */
export async function startResponse(
  ctx: ServiceContext,
  link: LinkContext,
  input: { responseId: string; language: Language; consentVersion: string; ownerHash: string },
): Promise<void> {
  if (!link.open) throw closed();
  if (link.invitation?.spent) throw invitationUsed();
  if (input.consentVersion !== consentFor(link, input.language).version) throw new AppError('conflict', { code: 'rounds.consent_changed' });
  // One write (the insert skips an id that exists), then a read only when it skipped: atomic, so a
  // lone start on PostgreSQL commits without a BEGIN and a COMMIT round trip.
  await committerFor(ctx.db).run(
    async (trx) => {
      const created = await store.insertResponsesIfNew(trx, [newResponse(ctx, link, input, 'draft', input.ownerHash)]);
      if (created.length > 0) return;
      const existing = await store.findResponse(trx, input.responseId);
      if (existing?.round_id !== link.roundId || existing.owner_hash !== input.ownerHash) throw foreignDraft();
    },
    { atomic: true },
  );
}

/** Whether the response is this browser's (`ownerHash`) and handed in: the thank-you page, without reading its answers. */
export async function isCompleteFor(ctx: ServiceContext, link: LinkContext, responseId: string, ownerHash: string | undefined): Promise<boolean> {
  const response = await store.findResponse(ctx.db, responseId);
  return response?.round_id === link.roundId && ownerHash !== undefined && response.owner_hash === ownerHash && response.status === 'complete';
}

export type Draft = { status: 'draft' | 'complete'; answers: Record<string, AnswerValue>; language: Language };

/** The draft when it is this browser's (`ownerHash`); undefined otherwise, whether or not the id exists. */
export async function loadDraft(ctx: ServiceContext, link: LinkContext, responseId: string, ownerHash: string | undefined): Promise<Draft | undefined> {
  const found = await store.draftRows(ctx.db, responseId);
  const response = found?.response;
  if (!found || !response || response.round_id !== link.roundId || ownerHash === undefined || response.owner_hash !== ownerHash) return undefined;
  const rows = fromTable(found.answers);
  return {
    status: response.status as Draft['status'],
    answers: rowsToAnswers(link.published.instrument, rows),
    language: response.language as Language,
  };
}

/** Answers that belong to questions no longer shown (an earlier answer changed) are dropped. */
function hiddenQuestions(instrument: ResolvedInstrument, answers: Record<string, unknown>): string[] {
  const visible = new Set(visibleQuestions(instrument, answers).map((q) => q.key));
  return allQuestions(instrument)
    .map((q) => q.key)
    .filter((key) => !visible.has(key));
}

/**
 * Checks one page and, when it is right, stores its answers in the draft. Returns the issues per
 * field otherwise; then nothing is stored.
 */
export async function saveSection(
  ctx: ServiceContext,
  link: LinkContext,
  {
    responseId,
    ownerHash,
    sectionKey,
    posted,
    lang,
    options = {},
    ...given
  }: {
    responseId: string;
    ownerHash: string | undefined;
    /** The draft as the caller just read it with the same owner (else it is read here). */
    draft?: Draft | undefined;
    sectionKey: string;
    posted: Record<string, unknown>;
    lang: Language;
    options?: { keepWhatIsValid?: boolean };
  },
): Promise<{ ok: true } | { ok: false; issues: AnswerIssue[] }> {
  if (!link.open) throw closed();
  const draft = given.draft ?? (await loadDraft(ctx, link, responseId, ownerHash));
  if (!draft) throw foreignDraft();
  if (draft.status === 'complete') return { ok: true };
  const instrument = link.published.instrument;
  const section = instrument.sections.find((s) => s.key === sectionKey);
  if (!section) throw new AppError('not_found');
  const sectionKeys = section.questions.map((q) => q.key);
  const merged: Record<string, unknown> = Object.fromEntries(Object.entries(draft.answers).filter(([key]) => !sectionKeys.includes(key)));
  Object.assign(merged, posted);
  // A form without JavaScript cannot hide a follow-up question when the answer it depends on
  // (on the same page) rules it out; what was typed there is then ignored, not refused.
  let hidden = hiddenQuestions(instrument, merged);
  let dropped = false;
  for (const key of hidden) {
    for (const field of Object.keys(merged))
      if (field === key || field.startsWith(`${key}.`)) {
        delete merged[field];
        dropped = true;
      }
  }
  const checked = validateSection(instrument, sectionKey, merged, lang);
  if (!checked.ok && !options.keepWhatIsValid) return checked;
  const result = checked.ok ? checked : { ok: false as const, issues: checked.issues, rows: keepableSectionRows(instrument, sectionKey, merged) };
  // What is hidden changes only when answers were dropped just now (one may have shown another question).
  if (dropped) hidden = hiddenQuestions(instrument, merged);
  // Atomic (replaceAnswers is all or nothing on its own): a lone save on PostgreSQL is one statement.
  await committerFor(ctx.db).run(
    (trx) =>
      store.replaceAnswers(
        trx,
        responseId,
        [...new Set([...sectionKeys, ...hidden])],
        toTable(
          responseId,
          result.rows.filter((r) => !hidden.includes(r.question)),
        ),
      ),
    { atomic: true },
  );
  return result.ok ? { ok: true } : { ok: false, issues: result.issues };
}

/** Hands in a draft: the whole response is checked again, then marked complete. */
export async function submitDraft(
  ctx: ServiceContext,
  link: LinkContext,
  responseId: string,
  ownerHash: string | undefined,
  lang: Language,
): Promise<{ ok: true } | { ok: false; issues: AnswerIssue[] }> {
  if (!link.open) throw closed();
  const draft = await loadDraft(ctx, link, responseId, ownerHash);
  if (!draft) throw foreignDraft();
  if (draft.status === 'complete') return { ok: true };
  const result = validateAnswers(link.published.instrument, draft.answers, lang);
  if (!result.ok) return result;
  await committerFor(ctx.db).run(async (trx) => {
    await store.updateResponse(trx, responseId, { status: 'complete', submitted_on: today(ctx), resume_code_hash: null });
    await addResponsesToTallies(trx, [responseId]);
  });
  await noteUse(ctx, link);
  return { ok: true };
}

/**
 * The whole response in one request (JSON); the promise resolves only after the commit. An id that
 * exists already (a retry of this submission, or anyone else's response or draft) stores nothing
 * and is answered exactly as a new one: a retry is acknowledged, and nobody learns which ids exist
 * or overwrites a draft begun on the form.
 */
export async function submitWhole(
  ctx: ServiceContext,
  link: LinkContext,
  input: { responseId: string; language: Language; consentVersion: string; answers: Record<string, unknown> },
): Promise<void> {
  if (!link.open) throw closed();
  if (link.invitation?.spent) throw invitationUsed();
  if (input.consentVersion !== consentFor(link, input.language).version) throw new AppError('conflict', { code: 'rounds.consent_changed' });
  const result = validateAnswers(link.published.instrument, input.answers, input.language);
  if (!result.ok) {
    throw new AppError('validation_failed', {
      issues: result.issues.map((i) => ({ path: [i.question, i.item].filter(Boolean).join('.'), message: i.message })),
    });
  }
  await submitInBatch(ctx.db, { response: newResponse(ctx, link, input, 'complete'), answers: toTable(input.responseId, result.rows) });
  await noteUse(ctx, link);
}

/** No 0/O or 1/I, so a code read aloud or copied from paper survives. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short code to come back to a draft from another device or later; only its hash is kept. */
export async function createResumeCode(
  ctx: ServiceContext,
  link: LinkContext,
  responseId: string,
  ownerHash: string | undefined,
  page: number,
): Promise<string> {
  const response = await store.findResponse(ctx.db, responseId);
  if (!response || response.round_id !== link.roundId || response.status !== 'draft' || ownerHash === undefined || response.owner_hash !== ownerHash)
    throw foreignDraft();
  const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  await committerFor(ctx.db).run((trx) =>
    store.updateResponse(trx, responseId, { resume_code_hash: hashToken(`${link.roundId}:${code}`), resume_page: page }).then(() => undefined),
  );
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The draft with this code, now moved to the browser with `secret`: the code is the key to it. */
export async function resumeByCode(
  ctx: ServiceContext,
  link: LinkContext,
  code: string,
  secret: string,
): Promise<{ responseId: string; page: number } | undefined> {
  const response = await store.findResponseByResumeCode(ctx.db, hashToken(`${link.roundId}:${code}`));
  if (!response || response.round_id !== link.roundId || response.status !== 'draft') return undefined;
  await committerFor(ctx.db).run((trx) => store.updateResponse(trx, response.id, { owner_hash: ownerHash(secret, response.id) }).then(() => undefined));
  const sections = link.published.instrument.sections.length;
  return { responseId: response.id, page: Math.min(Math.max(response.resume_page ?? 1, 1), sections) };
}
