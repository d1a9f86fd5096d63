import type { Actor, ServiceContext } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { inTransaction } from '../../db/database.ts';
import { checkCodes, checkMember, invalid, openTrajectory, recordChange } from './access.ts';
import type { ContributionInput, MandateInput, RolesInput, SupportInput } from './model.ts';
import * as store from './store.ts';

/** Each member writes down what they bring themselves; nobody fills it in for someone else. */
export async function saveContribution(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, input: ContributionInput) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    if (!access.isMember) throw forbidden();
    checkCodes('knowledge_positions', input.positions, 'positions');
    await store.upsertContribution(trx, {
      trajectory_id: trajectoryId,
      user_id: actor.userId,
      experiential: input.experiential ? 1 : 0,
      positions: JSON.stringify(input.experiential ? [...new Set(input.positions)] : []),
      experiential_note: input.experiential ? input.experientialNote : '',
      professional: input.professional ? 1 : 0,
      professional_note: input.professional ? input.professionalNote : '',
      other_note: input.otherNote,
      updated_at: ctx.clock.now().toISOString(),
    });
    await recordChange(trx, ctx, actor, access, { action: 'trajectory.contribution_saved', subject: { type: 'user', id: actor.userId } });
  });
}

/** Who takes which of the nine roles, and with how much time; saved as a whole. */
export async function saveRoles(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, input: RolesInput) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    checkCodes(
      'roles',
      input.assignments.map((a) => a.roleKey),
      'assignments',
    );
    for (const [i, a] of input.assignments.entries()) checkMember(access, a.userId, `assignments.${i}.userId`);
    const unique = new Map(input.assignments.map((a) => [`${a.roleKey}/${a.userId}`, a]));
    await store.replaceRoles(
      trx,
      trajectoryId,
      [...unique.values()].map((a) => ({ role_key: a.roleKey, user_id: a.userId, hours_per_week: a.hoursPerWeek })),
    );
    await recordChange(trx, ctx, actor, access, {
      action: 'trajectory.roles_saved',
      subject: { type: 'trajectory', id: trajectoryId },
      details: { assignments: unique.size },
    });
  });
}

/** The status (volunteer, paid, self-employed) and mandate of one experience worker in the team. */
export async function saveMandate(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, trajectoryId, userId, input }: { organisationId: string; trajectoryId: string; userId: string; input: MandateInput },
) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    const member = access.members.find((m) => m.userId === userId);
    if (!member) throw notFound();
    if (member.position !== 'experience_worker') throw invalid('userId', 'trajecten.only_experience_workers');
    checkCodes('status', input.statuses, 'statuses');
    await store.upsertMandate(trx, {
      trajectory_id: trajectoryId,
      user_id: userId,
      statuses: JSON.stringify([...new Set(input.statuses)]),
      may_decide: input.mayDecide,
      may_sign: input.maySign,
      informal_mandate: input.informal,
      updated_at: ctx.clock.now().toISOString(),
    });
    await recordChange(trx, ctx, actor, access, { action: 'trajectory.mandate_saved', subject: { type: 'user', id: userId } });
  });
}

export async function addSupport(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, input: SupportInput) {
  return inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    checkCodes('support', [input.kind], 'kind');
    const id = newId();
    await store.insertSupport(trx, {
      id,
      trajectory_id: trajectoryId,
      kind: input.kind,
      frequency: input.frequency,
      by_whom: input.byWhom,
      for_whom: input.forWhom,
      created_at: ctx.clock.now().toISOString(),
    });
    await recordChange(trx, ctx, actor, access, { action: 'trajectory.support_saved', subject: { type: 'support', id }, details: { kind: input.kind } });
    return { id };
  });
}

export async function deleteSupport(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, supportId: string) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    const result = await store.deleteSupport(trx, trajectoryId, supportId);
    if (Number(result.numDeletedRows) === 0) throw notFound();
    await recordChange(trx, ctx, actor, access, { action: 'trajectory.support_deleted', subject: { type: 'support', id: supportId } });
  });
}
