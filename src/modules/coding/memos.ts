import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleAnswerSegments } from './answers.ts';
import { codingAccess } from './coresearch.ts';
import type { MemoView } from './model.ts';
import * as store from './store.ts';
import { memoViewOf, visibleMemos, visibleSegments } from './visible.ts';

/** Segments of stories, reflections and (for researchers and admins) survey answers this person may see now. */
async function visibleSegmentIds(ctx: ServiceContext, actor: Actor, reader: Actor, organisationId: string): Promise<Set<string>> {
  const [{ segments }, answers] = await Promise.all([visibleSegments(ctx, reader, organisationId), visibleAnswerSegments(ctx, actor, organisationId)]);
  return new Set([...segments, ...answers.segments].map((s) => s.id));
}

export async function listMemos(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<MemoView[]> {
  const { reader } = await codingAccess(ctx, actor, organisationId);
  return visibleMemos(ctx, organisationId, await visibleSegmentIds(ctx, actor, reader, organisationId));
}

/** A memo on the project, a code or a segment the person may see. */
export async function createMemo(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  input: { targetKind: MemoView['targetKind']; targetId: string | null; title: string; body: string },
): Promise<MemoView> {
  const { reader } = await codingAccess(ctx, actor, organisationId);
  const nl = actor.language === 'nl';
  const targetIssue = (message: string) => new AppError('validation_failed', { issues: [{ path: 'targetId', message }] });
  if (input.targetKind === 'project' && input.targetId !== null)
    throw targetIssue(nl ? 'Een projectmemo hoort bij geen code of stuk.' : 'A project memo belongs to no code or segment.');
  if (input.targetKind === 'code' && (input.targetId === null || !(await store.findCode(ctx.db, organisationId, input.targetId))))
    throw targetIssue(nl ? 'Kies een code uit het codeboek.' : 'Choose a code from the codebook.');
  if (input.targetKind === 'segment') {
    if (input.targetId === null || !(await visibleSegmentIds(ctx, actor, reader, organisationId)).has(input.targetId))
      throw targetIssue(nl ? 'Kies een gecodeerd stuk.' : 'Choose a coded segment.');
  }
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await inTransaction(ctx.db, async (trx) => {
    await store.insertMemo(trx, {
      id,
      organisation_id: organisationId,
      target_kind: input.targetKind,
      target_id: input.targetId,
      title: input.title,
      body: input.body,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.memo_created',
      subjectType: 'memo',
      subjectId: id,
      details: { targetKind: input.targetKind },
    });
  });
  const row = await store.findMemo(ctx.db, organisationId, id);
  if (!row) throw notFound();
  return memoViewOf(row);
}

/** A memo the person may change: one they can see; a co-researcher changes only their own. */
async function reachableMemo(ctx: ServiceContext, actor: Actor, organisationId: string, memoId: string) {
  const { reader, coResearcher } = await codingAccess(ctx, actor, organisationId);
  const row = await store.findMemo(ctx.db, organisationId, memoId);
  if (!row) throw notFound();
  if (coResearcher && row.created_by !== actor.userId) throw forbidden();
  if (row.target_kind === 'segment') {
    if (row.target_id === null || !(await visibleSegmentIds(ctx, actor, reader, organisationId)).has(row.target_id)) throw notFound();
  }
  return row;
}

export async function updateMemo(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  memoId: string,
  input: { title?: string | undefined; body?: string | undefined },
): Promise<MemoView> {
  await reachableMemo(ctx, actor, organisationId, memoId);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.updateMemo(trx, memoId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, now, { organisationId, actorUserId: actor.userId, action: 'coding.memo_updated', subjectType: 'memo', subjectId: memoId });
  });
  const row = await store.findMemo(ctx.db, organisationId, memoId);
  if (!row) throw notFound();
  return memoViewOf(row);
}

export async function deleteMemo(ctx: ServiceContext, actor: Actor, organisationId: string, memoId: string): Promise<void> {
  await reachableMemo(ctx, actor, organisationId, memoId);
  await inTransaction(ctx.db, async (trx) => {
    await store.deleteMemo(trx, memoId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.memo_deleted',
      subjectType: 'memo',
      subjectId: memoId,
    });
  });
}
