import type { ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { hashToken, newId, newSecretToken } from '../../core/ids.ts';
import { batchedJob } from '../../db/batch-job.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { groupCommitterFor } from '../../db/group-commit.ts';
import type { MeetingParticipantTable, MeetingPromptTable, MeetingTable } from '../../db/tables/meetings.ts';
import { type AnswerOutcome, answerInBatch } from './answer-batch.ts';
import { checkAnswer } from './answers.ts';
import { cachedMeetingByCode, cachedPrompts, peekPrompts } from './hot-cache.ts';
import { newReceiptCode, normaliseJoinCode, normaliseReceiptCode } from './join-code.ts';
import { refreshMeetingRounds } from './meeting-rounds.ts';
import { type AnswerValue, moderatedKinds, type ParticipantPosition, type PromptView } from './model.ts';
import { promptView } from './present.ts';
import * as store from './store.ts';

export type { AnswerOutcome };

/**
 * What an anonymous participant does: join with the code, answer, ask, vote, and withdraw with the
 * receipt code. The participant is known only by the hash of a random token their browser keeps.
 */

export async function meetingByCode(ctx: ServiceContext, input: string): Promise<MeetingTable | undefined> {
  const code = normaliseJoinCode(input);
  return code ? cachedMeetingByCode(ctx.db, code, () => store.findMeetingByCode(ctx.db, code)) : undefined;
}

const promptsOf = (ctx: ServiceContext, meetingId: string) => cachedPrompts(ctx.db, meetingId, () => store.listPrompts(ctx.db, meetingId));

/** A cached prompt row's view (its options parsed once, not per answer); a changed prompt is a new row. */
const views = new WeakMap<MeetingPromptTable, PromptView>();
function viewOf(row: MeetingPromptTable): PromptView {
  let view = views.get(row);
  if (!view) {
    view = promptView(row);
    views.set(row, view);
  }
  return view;
}

export type Joined = { participantId: string; token: string; receipt: string };

/** Rows per statement: well under the bound parameters SQLite and PostgreSQL take in one statement. */
const JOINS_PER_STATEMENT = 1000;

/** Joins arriving together: one job of the group commit, one multi-row insert (one round trip on PostgreSQL). */
const joinInBatch = batchedJob(
  async (trx: Db, rows: MeetingParticipantTable[]) => {
    for (let i = 0; i < rows.length; i += JOINS_PER_STATEMENT) await store.insertParticipants(trx, rows.slice(i, i + JOINS_PER_STATEMENT));
    return rows.map(() => undefined);
  },
  { oneStatement: (rows) => rows.length <= JOINS_PER_STATEMENT },
);

export async function join(ctx: ServiceContext, meeting: MeetingTable, position: ParticipantPosition | null): Promise<Joined> {
  if (meeting.status === 'closed') throw new AppError('conflict', { code: 'meetings.meeting_closed' });
  const token = newSecretToken();
  const receipt = newReceiptCode();
  const participantId = newId();
  const row = { id: participantId, meeting_id: meeting.id, token_hash: hashToken(token), receipt_hash: hashToken(receipt), position };
  // Joins arriving together share one commit, like answers; the receipt is shown only after it.
  await joinInBatch(ctx.db, row);
  return { participantId, token, receipt };
}

export const participantOf = (ctx: ServiceContext, meeting: MeetingTable, token: string | undefined): Promise<MeetingParticipantTable | undefined> =>
  token && token.length <= 100 ? store.findParticipant(ctx.db, meeting.id, hashToken(token)) : Promise.resolve(undefined);

/** The prompt a participant sees: the current one, or in participant pacing the one they chose. */
export async function promptFor(ctx: ServiceContext, meeting: MeetingTable, chosen?: number): Promise<{ prompt: PromptView | undefined; count: number }> {
  const prompts = (await promptsOf(ctx, meeting.id)) ?? [];
  const index = meeting.pacing === 'participant' && chosen !== undefined ? chosen : meeting.current_index;
  const row = prompts[Math.max(0, Math.min(prompts.length - 1, index))];
  return { prompt: row ? promptView(row) : undefined, count: prompts.length };
}

/** Participant pacing: after an answer the phone moves on to the next prompt itself (the last one stays). */
export async function placeAfterAnswer(ctx: ServiceContext, meeting: MeetingTable, p: string | undefined): Promise<string> {
  if (p === undefined || !/^\d{1,3}$/.test(p)) return '';
  if (meeting.pacing !== 'participant') return `&p=${p}`;
  const { count } = await promptFor(ctx, meeting, Number(p));
  return `&p=${Math.min(Number(p) + 1, count - 1)}`;
}

/**
 * Whether a phone may show results now: the current prompt's (or in participant pacing any prompt's)
 * results are revealed, or it is questions from the room. Phones are told "answers" only then.
 */
export async function resultsShownToPhones(ctx: ServiceContext, meeting: MeetingTable): Promise<boolean> {
  const prompts = (await promptsOf(ctx, meeting.id)) ?? [];
  const shown = (row: MeetingPromptTable | undefined) => row !== undefined && (row.results_visible === 1 || row.kind === 'qa');
  return meeting.pacing === 'participant' ? prompts.some(shown) : shown(prompts[meeting.current_index]);
}

/**
 * One answer per participant per prompt. The same client id again (a retry) changes nothing; a new
 * client id replaces the answer while the prompt is open. Free-text answers wait for a moderator.
 */
export async function answer(
  ctx: ServiceContext,
  meeting: MeetingTable,
  participant: MeetingParticipantTable,
  { promptId, clientId, raw }: { promptId: string; clientId: string; raw: AnswerValue },
): Promise<AnswerOutcome> {
  // Mostly in memory already: then found without waiting for a promise.
  const row = (peekPrompts(ctx.db, meeting.id) ?? (await promptsOf(ctx, meeting.id)))?.find((p) => p.id === promptId);
  if (!row) throw notFound();
  const prompt = viewOf(row);
  const closed = meeting.status !== 'live' || prompt.state !== 'open';
  const value = checkAnswer(prompt.kind, prompt.options, prompt.settings.maxChoices as number | undefined, raw);
  const moderation = moderatedKinds.includes(prompt.kind) ? 'pending' : 'none';
  if (closed || !value) {
    // Refused, unless it is a retry of an answer already stored (the same client id). Read in a job
    // of the group commit, so an answer with this client id handed in just before is seen.
    return groupCommitterFor(ctx.db).run(async (trx): Promise<AnswerOutcome> => {
      if ((await store.findAnswer(trx, promptId, participant.id))?.client_id === clientId) return 'unchanged';
      if (closed) throw new AppError('conflict', { code: 'meetings.prompt_closed' });
      throw new AppError('validation_failed', { issues: [{ path: 'answer', message: 'invalid_answer' }] });
    });
  }
  // Answers arriving together are one job of the group commit (one statement, one disk flush);
  // each is acknowledged only after the commit.
  return answerInBatch(ctx.db, {
    id: newId(),
    prompt_id: promptId,
    participant_id: participant.id,
    client_id: clientId,
    value: JSON.stringify(value),
    moderation,
    position: participant.position,
  });
}

export async function currentAnswer(ctx: ServiceContext, participant: MeetingParticipantTable, promptId: string): Promise<AnswerValue | undefined> {
  const row = await store.findAnswer(ctx.db, promptId, participant.id);
  return row ? (JSON.parse(row.value) as AnswerValue) : undefined;
}

export async function ask(
  ctx: ServiceContext,
  meeting: MeetingTable,
  participant: MeetingParticipantTable,
  { promptId, clientId, text }: { promptId: string; clientId: string; text: string },
) {
  const row = await store.findPrompt(ctx.db, meeting.id, promptId);
  if (row?.kind !== 'qa') throw notFound();
  if (meeting.status !== 'live' || row.state !== 'open') throw new AppError('conflict', { code: 'meetings.prompt_closed' });
  await store.insertQuestion(ctx.db, {
    id: newId(),
    prompt_id: promptId,
    participant_id: participant.id,
    client_id: clientId,
    text,
    moderation: 'pending',
    pinned: 0,
    answered: 0,
  });
}

export async function upvote(ctx: ServiceContext, meeting: MeetingTable, participant: MeetingParticipantTable, questionId: string) {
  const question = await store.findQuestionInMeeting(ctx.db, meeting.id, questionId);
  if (question?.moderation !== 'approved') throw notFound();
  await store.upvote(ctx.db, questionId, participant.id);
}

/** Withdraws every answer, question and vote of the participant with this receipt code. */
export async function withdraw(ctx: ServiceContext, meeting: MeetingTable, receiptInput: string): Promise<boolean> {
  const receipt = normaliseReceiptCode(receiptInput);
  if (!receipt) return false;
  const participant = await store.findByReceipt(ctx.db, meeting.id, hashToken(receipt));
  if (!participant) return false;
  await inTransaction(ctx.db, async (trx) => {
    await store.deleteParticipant(trx, participant.id);
    // Answers already stored as a questionnaire round (at finish) leave it too.
    await refreshMeetingRounds(ctx, trx, meeting);
  });
  return true;
}
