import type { Actor, ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { authorize, can } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { openAnswersForResearch, type ResearchOpenAnswer } from '../rounds/open-answers.ts';
import type { AnswerSegmentInput, AnswerSegmentView } from './model.ts';
import { alreadyCoded, newSegmentFields } from './segment-checks.ts';
import * as store from './store.ts';

/**
 * Survey open answers coded in the same codebook as the stories. Researchers and admins only: the
 * round's consent text names them as the people who read open answers (without names), and only
 * for rounds that said so (rounds/open-answers.ts). Co-researchers code stories, not answers,
 * because the consent respondents gave does not name them.
 */

export const answerKey = (responseId: string, question: string): string => `${responseId}|${question}`;

export type VisibleAnswerSegment = AnswerSegmentView & { answer: ResearchOpenAnswer };

/** The answers this person may code now; empty for anyone but researchers and admins. */
export async function answerCorpus(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<ResearchOpenAnswer[]> {
  if (!can(actor, 'coding.work', organisationId) || !can(actor, 'reports.raw', organisationId)) return [];
  return openAnswersForResearch(ctx, actor, organisationId);
}

type AnswerSegmentRow = Awaited<ReturnType<typeof store.listAnswerSegments>>[number];

const viewOf = (row: AnswerSegmentRow): AnswerSegmentView => ({
  id: row.id,
  codeId: row.code_id,
  responseId: row.response_id,
  question: row.question,
  start: Number(row.start_offset),
  end: Number(row.end_offset),
  quote: row.quote,
  createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? '—' } : null,
  createdAt: row.created_at,
});

/** Segments of answers readable now whose text still says what was coded. */
export async function visibleAnswerSegments(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
): Promise<{ answers: ResearchOpenAnswer[]; segments: VisibleAnswerSegment[] }> {
  const answers = await answerCorpus(ctx, actor, organisationId);
  if (answers.length === 0) return { answers, segments: [] };
  const byKey = new Map(answers.map((a) => [answerKey(a.responseId, a.question), a]));
  const segments: VisibleAnswerSegment[] = [];
  for (const row of await store.listAnswerSegments(ctx.db, organisationId)) {
    const answer = byKey.get(answerKey(row.response_id, row.question));
    if (!answer || answer.text.slice(Number(row.start_offset), Number(row.end_offset)) !== row.quote) continue;
    segments.push({ ...viewOf(row), answer });
  }
  return { answers, segments };
}

/** Every open answer researchers may code, each with its segments. */
export async function listAnswersForCoding(ctx: ServiceContext, actor: Actor, organisationId: string) {
  authorize(actor, 'coding.work', organisationId);
  authorize(actor, 'reports.raw', organisationId);
  const { answers, segments } = await visibleAnswerSegments(ctx, actor, organisationId);
  await inTransaction(ctx.db, (trx) =>
    recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.answers_read',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { answers: answers.length },
    }),
  );
  return answers.map((a) => ({
    ...a,
    segments: segments.filter((s) => s.responseId === a.responseId && s.question === a.question).map(({ answer: _answer, ...s }) => s),
  }));
}

export async function createAnswerSegment(ctx: ServiceContext, actor: Actor, organisationId: string, input: AnswerSegmentInput): Promise<AnswerSegmentView> {
  authorize(actor, 'coding.work', organisationId);
  authorize(actor, 'reports.raw', organisationId);
  const nl = actor.language === 'nl';
  const [answer] = await openAnswersForResearch(ctx, actor, organisationId, { responseId: input.responseId, question: input.question });
  if (!answer || answer.text.trim() === '') throw notFound();
  const { now, fields } = await newSegmentFields(ctx, actor, organisationId, input, answer.text);
  const row = { ...fields, response_id: answer.responseId, question: answer.question };
  await inTransaction(ctx.db, async (trx) => {
    if (await store.findSameAnswerSegment(trx, row)) throw alreadyCoded(nl);
    await store.insertAnswerSegment(trx, row);
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.segment_created',
      subjectType: 'answer_segment',
      subjectId: row.id,
      details: { codeId: row.code_id, sourceKind: 'answer', roundId: answer.roundId },
    });
  });
  const created = await store.findAnswerSegment(ctx.db, organisationId, row.id);
  if (!created) throw notFound();
  return viewOf(created);
}

export async function deleteAnswerSegment(ctx: ServiceContext, actor: Actor, organisationId: string, segmentId: string): Promise<void> {
  authorize(actor, 'coding.work', organisationId);
  authorize(actor, 'reports.raw', organisationId);
  const row = await store.findAnswerSegment(ctx.db, organisationId, segmentId);
  if (!row) throw notFound();
  const [answer] = await openAnswersForResearch(ctx, actor, organisationId, { responseId: row.response_id, question: row.question });
  if (!answer) throw notFound();
  await inTransaction(ctx.db, async (trx) => {
    await store.deleteMemosOf(trx, organisationId, 'segment', segmentId);
    await store.deleteAnswerSegment(trx, segmentId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.segment_deleted',
      subjectType: 'answer_segment',
      subjectId: segmentId,
      details: { codeId: row.code_id },
    });
  });
}
