import type { Actor, ServiceContext } from '../../core/context.ts';
import { forbidden } from '../../core/errors.ts';
import { inTransaction } from '../../db/database.ts';
import { openTrajectory, recordChange } from './access.ts';
import * as store from './store.ts';

/**
 * The equal-position dialogue: every member gives their own view on a question (views stay side by
 * side, disagreement included), and the team writes down its position and the reason.
 */
export async function saveView(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, trajectoryId, questionKey, view }: { organisationId: string; trajectoryId: string; questionKey: string; view: string },
) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    if (!access.isMember) throw forbidden();
    await store.upsertView(trx, {
      trajectory_id: trajectoryId,
      question_key: questionKey,
      user_id: actor.userId,
      view,
      updated_at: ctx.clock.now().toISOString(),
    });
    await recordChange(trx, ctx, actor, access, { action: 'trajectory.view_saved', subject: { type: 'question', id: questionKey } });
  });
}

export async function savePosition(
  ctx: ServiceContext,
  actor: Actor,
  {
    organisationId,
    trajectoryId,
    questionKey,
    input,
  }: { organisationId: string; trajectoryId: string; questionKey: string; input: { position: string; reason: string } },
) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    await store.upsertPosition(trx, {
      trajectory_id: trajectoryId,
      question_key: questionKey,
      position: input.position,
      reason: input.reason,
      updated_by: actor.userId,
      updated_at: ctx.clock.now().toISOString(),
    });
    await recordChange(trx, ctx, actor, access, { action: 'trajectory.position_saved', subject: { type: 'question', id: questionKey } });
  });
}
