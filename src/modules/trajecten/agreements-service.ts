import type { Actor, ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { inTransaction } from '../../db/database.ts';
import { checkMember, invalid, openTrajectory, recordChange } from './access.ts';
import type { ReviewInput, SaveAgreementInput } from './model.ts';
import * as store from './store.ts';

/**
 * A topic has one agreement, written over when saved again; explicit choices ('keuze') are added
 * one by one. Each has an owner from the team and a date by which it is looked at again.
 */
export async function saveAgreement(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, trajectoryId, input, agreementId }: { organisationId: string; trajectoryId: string; input: SaveAgreementInput; agreementId?: string },
) {
  return inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    checkMember(access, input.ownerUserId, 'ownerUserId');
    if (input.topic === 'keuze' && input.title.trim() === '') throw invalid('title', 'trajecten.choice_needs_title');
    const now = ctx.clock.now().toISOString();
    const values = {
      title: input.title,
      text: input.text,
      options: JSON.stringify(input.options),
      reason: input.reason,
      owner_user_id: input.ownerUserId,
      review_on: input.reviewOn,
      updated_at: now,
    };
    let existing = agreementId ? await store.findAgreement(trx, trajectoryId, agreementId) : undefined;
    if (agreementId && !existing) throw notFound();
    if (!existing && input.topic !== 'keuze') existing = await store.findTopicAgreement(trx, trajectoryId, input.topic);
    if (existing && existing.topic !== input.topic) throw invalid('topic', 'trajecten.topic_fixed');
    const id = existing?.id ?? newId();
    if (existing) await store.updateAgreement(trx, id, values);
    else await store.insertAgreement(trx, { id, trajectory_id: trajectoryId, topic: input.topic, ...values, created_by: actor.userId, created_at: now });
    await recordChange(trx, ctx, actor, access, {
      action: 'trajectory.agreement_saved',
      subject: { type: 'agreement', id },
      details: { topic: input.topic, new: !existing },
    });
    return { id };
  });
}

export async function deleteAgreement(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, agreementId: string) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    const existing = await store.findAgreement(trx, trajectoryId, agreementId);
    if (!existing) throw notFound();
    await store.deleteAgreement(trx, agreementId);
    await recordChange(trx, ctx, actor, access, {
      action: 'trajectory.agreement_deleted',
      subject: { type: 'agreement', id: agreementId },
      details: { topic: existing.topic },
    });
  });
}

/**
 * A review of an agreement, with evidence: a team-check round (checked now) or a story or signal
 * (kept as a reference; those modules are built elsewhere). The next review date moves the agreement's.
 */
export async function reviewAgreement(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, trajectoryId, agreementId, input }: { organisationId: string; trajectoryId: string; agreementId: string; input: ReviewInput },
) {
  return inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    const existing = await store.findAgreement(trx, trajectoryId, agreementId);
    if (!existing) throw notFound();
    for (const [i, evidence] of input.evidence.entries()) {
      if (evidence.kind === 'round' && !(await store.roundInOrganisation(trx, organisationId, evidence.id)))
        throw invalid(`evidence.${i}.id`, 'trajecten.no_round');
    }
    const now = ctx.clock.now().toISOString();
    const id = newId();
    await store.insertReview(trx, {
      id,
      agreement_id: agreementId,
      reviewed_by: actor.userId,
      reviewed_at: now,
      note: input.note,
      next_review_on: input.nextReviewOn,
      evidence: JSON.stringify(input.evidence),
    });
    await store.updateAgreement(trx, agreementId, { review_on: input.nextReviewOn, updated_at: now });
    await recordChange(trx, ctx, actor, access, {
      action: 'trajectory.agreement_reviewed',
      subject: { type: 'agreement', id: agreementId },
      details: { evidence: input.evidence.length },
    });
    return { id };
  });
}
