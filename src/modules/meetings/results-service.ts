import type { Actor, ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { inTransaction } from '../../db/database.ts';
import type { MeetingTable } from '../../db/tables/meetings.ts';
import { recordAudit } from '../audit/service.ts';
import { openMeeting } from './access.ts';
import { groupOf } from './groups.ts';
import type { AnswerValue, ModerateInput, ParticipantPosition, PromptKind, PromptView } from './model.ts';
import { moderateInput } from './model.ts';
import { promptView } from './present.ts';
import { type CountedAnswer, type PromptResults, promptResults } from './results.ts';
import * as store from './store.ts';

export type QuestionView = { id: string; text: string; votes: number; pinned: boolean; answered: boolean };

/** What a screen shows of a prompt: aggregated results only, never a single answer with its position. */
export type PromptResultsView = {
  promptId: string;
  joined: number;
  /** Everyone who answered, counted or not. */
  answered: number;
  heldBack: number;
  waiting: number;
  results: PromptResults;
  questions?: QuestionView[];
};

const countOf = (rows: { moderation: string; n: unknown }[], moderation: string) => Number(rows.find((r) => r.moderation === moderation)?.n ?? 0);

const groupedKinds = new Set<PromptKind>(['single', 'scale', 'agree', 'multiple', 'ranking']);
const countedStates = new Set(['none', 'approved']);

type Answers = { counted: CountedAnswer[]; counts: { moderation: string; n: unknown }[] };

/**
 * The counted answers of a prompt (not waiting, not held back) and how many are in each moderation
 * state. Choice kinds are counted in the database in one statement (a few grouped rows instead of
 * one row per answer: a presenter snapshot of 10,000 answers stays cheap); free text and word clouds
 * keep every answer in order.
 */
async function answersOf(ctx: ServiceContext, prompt: PromptView): Promise<Answers> {
  if (!groupedKinds.has(prompt.kind)) {
    const [rows, counts] = await Promise.all([
      store.countedAnswers(ctx.db, prompt.id),
      prompt.kind === 'qa' ? store.questionModerationCounts(ctx.db, prompt.id) : store.moderationCounts(ctx.db, prompt.id),
    ]);
    const counted = rows.map((row) => ({ group: groupOf(row.position as ParticipantPosition | null), value: JSON.parse(row.value) as AnswerValue }));
    return { counted, counts };
  }
  const counted: CountedAnswer[] = [];
  const states = new Map<string, number>();
  for (const row of await store.answerGroupsByModeration(ctx.db, prompt.id)) {
    const n = Number(row.n);
    states.set(row.moderation, (states.get(row.moderation) ?? 0) + n);
    if (!countedStates.has(row.moderation)) continue;
    counted.push({ group: groupOf(row.position as ParticipantPosition | null), value: JSON.parse(row.value) as AnswerValue, n });
  }
  return { counted, counts: [...states].map(([moderation, n]) => ({ moderation, n })) };
}

export async function resultsOf(ctx: ServiceContext, meeting: MeetingTable, prompt: PromptView): Promise<PromptResultsView> {
  // Read at the same time: on PostgreSQL each is a round trip, on a connection of its own.
  const [threshold, { counted, counts }] = await Promise.all([store.disclosureThresholdOf(ctx.db, meeting.organisation_id), answersOf(ctx, prompt)]);
  // Counted after the answers, never beside them: everyone who answered joined before, so the room
  // shown is never smaller than those who answered (read at once, a join could be missed).
  const joined = await store.countParticipants(ctx.db, meeting.id);
  const results = promptResults(
    prompt.kind,
    prompt.options.map((o) => o.key),
    counted,
    threshold ?? 5,
  );
  const answered = counts.reduce((s, r) => s + Number(r.n), 0);
  const base = { promptId: prompt.id, joined, answered, heldBack: countOf(counts, 'held'), waiting: countOf(counts, 'pending'), results };
  if (prompt.kind !== 'qa') return base;
  const questions = (await store.listQuestions(ctx.db, prompt.id, true))
    .map((q) => ({ id: q.id, text: q.text, votes: Number(q.votes), pinned: q.pinned === 1, answered: q.answered === 1 }))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || Number(a.answered) - Number(b.answered) || b.votes - a.votes);
  return { ...base, questions };
}

/** The facilitator's view of every prompt's results (also when hidden from the room). */
export async function meetingResults(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string): Promise<PromptResultsView[]> {
  const { meeting } = await openMeeting(ctx.db, actor, organisationId, meetingId, 'moderate');
  return resultsOfMeeting(ctx, meeting);
}

/** Every prompt's results, for a caller that has checked access (a trajectory's dialogue record). */
export async function resultsOfMeeting(ctx: ServiceContext, meeting: MeetingTable): Promise<PromptResultsView[]> {
  const prompts = (await store.listPrompts(ctx.db, meeting.id)).map(promptView);
  const views: PromptResultsView[] = [];
  for (const prompt of prompts) views.push(await resultsOf(ctx, meeting, prompt));
  return views;
}

export type ModerationItem = { subjectType: 'answer' | 'question'; id: string; promptId: string; text: string; moderation: string };

/** Open answers and room questions with their moderation state, for the moderator. */
export async function moderationQueue(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string): Promise<ModerationItem[]> {
  await openMeeting(ctx.db, actor, organisationId, meetingId, 'moderate');
  const items: ModerationItem[] = [];
  for (const row of await store.pendingAnswers(ctx.db, meetingId)) {
    const value = JSON.parse(row.value) as AnswerValue;
    if ('text' in value) items.push({ subjectType: 'answer', id: row.id, promptId: row.prompt_id, text: value.text, moderation: row.moderation });
  }
  for (const prompt of await store.listPrompts(ctx.db, meetingId)) {
    if (prompt.kind !== 'qa') continue;
    for (const q of await store.listQuestions(ctx.db, prompt.id, false))
      items.push({ subjectType: 'question', id: q.id, promptId: prompt.id, text: q.text, moderation: q.moderation });
  }
  return items;
}

/** Approves or holds back an open answer or a question; every decision is recorded with its reason. */
export async function moderate(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string, raw: ModerateInput): Promise<void> {
  const input = moderateInput.parse(raw);
  await openMeeting(ctx.db, actor, organisationId, meetingId, 'moderate');
  const found =
    input.subjectType === 'answer'
      ? await store.findAnswerInMeeting(ctx.db, meetingId, input.subjectId)
      : await store.findQuestionInMeeting(ctx.db, meetingId, input.subjectId);
  if (!found) throw notFound();
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    if (input.decision === 'approve' || input.decision === 'hold') {
      const moderation = input.decision === 'approve' ? 'approved' : 'held';
      if (input.subjectType === 'answer') await store.setAnswerModeration(trx, input.subjectId, moderation);
      else await store.updateQuestion(trx, input.subjectId, { moderation });
    } else if (input.subjectType === 'question') {
      await store.updateQuestion(trx, input.subjectId, input.decision === 'answered' ? { answered: 1 } : { pinned: input.decision === 'pin' ? 1 : 0 });
    }
    await store.insertModeration(trx, {
      id: newId(),
      meeting_id: meetingId,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      decision: input.decision,
      reason: input.reason,
      actor_user_id: actor.userId,
      at: now.toISOString(),
    });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'meeting.moderated',
      subjectType: 'meeting',
      subjectId: meetingId,
      details: { subjectType: input.subjectType, subjectId: input.subjectId, decision: input.decision },
    });
  });
}
