import type { ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import type { Db } from '../../db/database.ts';
import type { MeetingParticipantTable, MeetingTable } from '../../db/tables/meetings.ts';
import { type AnswerRow, questionRows } from '../instruments/answers.ts';
import { allQuestions } from '../instruments/definition.ts';
import type { ResolvedQuestion } from '../instruments/resolve.ts';
import { latestPublishedVersionByKey, type PublishedInstrumentVersion } from '../instruments/service.ts';
import { saveResponsesFromElsewhere } from '../rounds/responses-from-elsewhere.ts';
import type { AnswerValue, PromptView } from './model.ts';
import { promptView } from './present.ts';
import { meetingRoundStatement } from './round-consent.ts';
import * as store from './store.ts';

/**
 * Prompts linked to a question of a published instrument: with each participant's consent (asked
 * once on the phone), their answers to those prompts are stored as a round of that instrument.
 */

export type LinkedPrompt = { prompt: PromptView; published: PublishedInstrumentVersion; question: ResolvedQuestion };

type LinkSetting = { instrumentKey: string; questionKey: string };

/** Published versions are looked up for every unconsented phone's page: kept two seconds per meeting. */
const TTL_MS = 2000;
const recent = new WeakMap<Db, Map<string, { linked: LinkedPrompt[]; until: number }>>();

export async function linkedPrompts(ctx: ServiceContext, meeting: MeetingTable): Promise<LinkedPrompt[]> {
  const cache = recent.get(ctx.db) ?? new Map<string, { linked: LinkedPrompt[]; until: number }>();
  recent.set(ctx.db, cache);
  const hit = cache.get(meeting.id);
  if (hit && hit.until > Date.now()) return hit.linked;
  const linked: LinkedPrompt[] = [];
  for (const row of await store.listPrompts(ctx.db, meeting.id)) {
    const prompt = promptView(row);
    const link = prompt.settings.linkedQuestion as LinkSetting | undefined;
    if (!link || !['single', 'multiple', 'scale'].includes(prompt.kind)) continue;
    const published = await latestPublishedVersionByKey(ctx, meeting.organisation_id, link.instrumentKey);
    const question = published && allQuestions(published.instrument).find((q) => q.key === link.questionKey);
    if (published && question) linked.push({ prompt, published, question });
  }
  if (cache.size > 1000) cache.clear();
  cache.set(meeting.id, { linked, until: Date.now() + TTL_MS });
  return linked;
}

/** The text a participant reads, from the meeting's real settings; undefined when no prompt is linked. */
export async function roundConsentStatement(ctx: ServiceContext, meeting: MeetingTable, lang: Language) {
  const linked = await linkedPrompts(ctx, meeting);
  if (linked.length === 0) return undefined;
  const organisation = await store.organisationOf(ctx.db, meeting.organisation_id);
  const titles = new Map(linked.map((l) => [l.published.id, l.published.instrument.title]));
  return meetingRoundStatement(
    {
      organisationName: organisation?.name ?? '',
      instruments: [...titles.values()].map((t) => ({ nl: t.nl, en: t.en.trim() || t.nl })),
      promptNumbers: linked.map((l) => l.prompt.position + 1),
      disclosureThreshold: organisation?.disclosure_threshold ?? 5,
    },
    lang,
  );
}

/** The participant's choice, with the version of the text they read (either language). */
export async function recordRoundConsent(
  ctx: ServiceContext,
  meeting: MeetingTable,
  participant: MeetingParticipantTable,
  choice: 'given' | 'declined',
  version: string,
): Promise<void> {
  const versions = await Promise.all((['nl', 'en'] as const).map((lang) => roundConsentStatement(ctx, meeting, lang)));
  if (!versions.some((s) => s?.version === version)) throw new AppError('conflict', { code: 'meetings.round_consent_changed' });
  await store.setRoundConsent(ctx.db, participant.id, choice, version);
}

/** A meeting answer in the shape the instrument's form would have received it. */
function asFormValue(prompt: PromptView, value: AnswerValue): string | string[] | number | undefined {
  if ('choice' in value) return prompt.kind === 'scale' ? Number(value.choice) : value.choice;
  if ('choices' in value) return value.choices;
  return undefined;
}

/**
 * Stores (again) the consenting participants' answers to the linked prompts as one round per
 * instrument version, inside the caller's transaction. An answer the form's own rules would refuse
 * (for instance an exclusive option chosen with others) is left out of the round.
 */
export async function saveMeetingRounds(ctx: ServiceContext, trx: Db, meeting: MeetingTable, actorUserId: string | null): Promise<string[]> {
  const linked = await linkedPrompts({ ...ctx, db: trx }, meeting);
  const byVersion = new Map<string, LinkedPrompt[]>();
  for (const l of linked) byVersion.set(l.published.id, [...(byVersion.get(l.published.id) ?? []), l]);
  const saved = new Map((await store.meetingRounds(trx, meeting.id)).map((r) => [r.instrument_version_id, r.round_id]));
  const roundIds: string[] = [];
  for (const [versionId, prompts] of byVersion) {
    const createdBy = actorUserId ?? meeting.created_by;
    if (!createdBy) continue;
    const answers = await store.consentedAnswers(
      trx,
      prompts.map((p) => p.prompt.id),
    );
    const responses = new Map<string, { consentVersion: string; rows: AnswerRow[] }>();
    for (const a of answers) {
      const link = prompts.find((p) => p.prompt.id === a.promptId);
      const value = link && asFormValue(link.prompt, JSON.parse(a.value) as AnswerValue);
      const rows = link && value !== undefined ? questionRows(link.question, value, meeting.language as Language) : undefined;
      if (!rows) continue;
      const response = responses.get(a.participantId) ?? { consentVersion: a.consentVersion ?? '', rows: [] };
      response.rows.push(...rows);
      responses.set(a.participantId, response);
    }
    // Nobody agreed: no empty round in the organisation's list (a round saved before is still emptied).
    if (responses.size === 0 && !saved.has(versionId)) continue;
    const roundId = await saveResponsesFromElsewhere(ctx, trx, {
      organisationId: meeting.organisation_id,
      roundId: saved.get(versionId),
      instrumentVersionId: versionId,
      name: meeting.title,
      createdBy,
      actorUserId,
      source: { type: 'meeting', id: meeting.id },
      responses: [...responses.values()].map((r) => ({ language: meeting.language, ...r })),
    });
    await store.saveMeetingRound(trx, { meeting_id: meeting.id, instrument_version_id: versionId, round_id: roundId });
    roundIds.push(roundId);
  }
  return roundIds;
}

/** After a withdrawal from a closed meeting: its rounds are saved again without that participant. */
export async function refreshMeetingRounds(ctx: ServiceContext, trx: Db, meeting: MeetingTable): Promise<void> {
  if ((await store.meetingRounds(trx, meeting.id)).length > 0) await saveMeetingRounds(ctx, trx, meeting, null);
}
