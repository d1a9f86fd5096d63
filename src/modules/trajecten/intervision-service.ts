import type { Actor, ServiceContext } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { inTransaction } from '../../db/database.ts';
import { displayNames } from '../../db/display-names.ts';
import type { IntervisionSessionTable } from '../../db/tables/trajecten.ts';
import { checkMember, invalid, openTrajectory, recordChange, type TrajectoryAccess } from './access.ts';
import { methodOf } from './intervision-methods.shared.ts';
import type { PlanSessionInput, SessionSummaryView } from './model.ts';
import * as store from './store.ts';

/**
 * Intervision sessions: planned for some team members, run step by step with a method. The notes
 * are for the participants only; the team sees only the themes the participants chose to share.
 */

const participantsOf = (row: IntervisionSessionTable) => JSON.parse(row.participants) as string[];

async function summaries(ctx: ServiceContext, actor: Actor, access: TrajectoryAccess, rows: IntervisionSessionTable[]): Promise<SessionSummaryView[]> {
  const themes = await store.listThemes(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = new Map(access.members.map((m) => [m.userId, m.displayName]));
  const missing = rows.flatMap((r) => [...participantsOf(r), r.facilitator_user_id, r.presenter_user_id]).filter((id) => !names.has(id));
  for (const [id, name] of await displayNames(ctx.db, missing)) names.set(id, name);
  const person = (userId: string) => ({ userId, displayName: names.get(userId) ?? '—' });
  return rows.map((r) => ({
    id: r.id,
    method: r.method,
    plannedOn: r.planned_on,
    facilitator: person(r.facilitator_user_id),
    presenter: person(r.presenter_user_id),
    participants: participantsOf(r).map(person),
    status: r.status as SessionSummaryView['status'],
    currentStep: Number(r.current_step),
    isParticipant: participantsOf(r).includes(actor.userId),
    themes: themes.filter((t) => t.session_id === r.id).map((t) => ({ id: t.id, theme: t.theme, sharedAt: t.shared_at })),
  }));
}

export async function sessionSummaries(ctx: ServiceContext, actor: Actor, access: TrajectoryAccess) {
  return summaries(ctx, actor, access, await store.listSessions(ctx.db, access.row.id));
}

export async function planSession(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, input: PlanSessionInput) {
  return inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    const participants = [...new Set(input.participantUserIds)];
    for (const [i, id] of participants.entries()) checkMember(access, id, `participantUserIds.${i}`);
    for (const [field, id] of [
      ['facilitatorUserId', input.facilitatorUserId],
      ['presenterUserId', input.presenterUserId],
    ] as const)
      if (!participants.includes(id)) throw invalid(field, 'trajecten.presenter_must_take_part');
    const id = newId();
    await store.insertSession(trx, {
      id,
      trajectory_id: trajectoryId,
      method: input.method,
      planned_on: input.plannedOn,
      facilitator_user_id: input.facilitatorUserId,
      presenter_user_id: input.presenterUserId,
      participants: JSON.stringify(participants),
      current_step: 0,
      status: 'planned',
      created_by: actor.userId,
      created_at: ctx.clock.now().toISOString(),
    });
    await recordChange(trx, ctx, actor, access, {
      action: 'intervision.planned',
      subject: { type: 'intervision', id },
      details: { method: input.method, participants: participants.length },
    });
    return { id };
  });
}

async function openSession(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, sessionId: string) {
  const access = await openTrajectory(ctx.db, actor, organisationId, trajectoryId);
  const row = await store.findSession(ctx.db, trajectoryId, sessionId);
  if (!row) throw notFound();
  // The session's notes are the participants' own: not even a coordinator of the organisation reads them.
  if (!participantsOf(row).includes(actor.userId)) throw forbidden();
  return { access, row };
}

export async function getSession(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, sessionId: string) {
  const { access, row } = await openSession(ctx, actor, organisationId, trajectoryId, sessionId);
  const [summary] = await summaries(ctx, actor, access, [row]);
  const notes = await store.listNotes(ctx.db, sessionId);
  return { ...(summary as SessionSummaryView), notes: notes.map((n) => ({ step: Number(n.step), text: n.text, updatedAt: n.updated_at })) };
}

export async function updateSession(
  ctx: ServiceContext,
  actor: Actor,
  {
    organisationId,
    trajectoryId,
    sessionId,
    input,
  }: {
    organisationId: string;
    trajectoryId: string;
    sessionId: string;
    input: { currentStep?: number | undefined; status?: 'planned' | 'running' | 'done' | undefined };
  },
) {
  const { access, row } = await openSession(ctx, actor, organisationId, trajectoryId, sessionId);
  const steps = methodOf(row.method)?.steps.length ?? 1;
  if (input.currentStep !== undefined && input.currentStep >= steps) throw invalid('currentStep', 'trajecten.unknown_step');
  await inTransaction(ctx.db, async (trx) => {
    await store.updateSession(trx, sessionId, {
      ...(input.currentStep !== undefined ? { current_step: input.currentStep } : {}),
      ...(input.status ? { status: input.status } : {}),
    });
    await recordChange(trx, ctx, actor, access, {
      action: 'intervision.updated',
      subject: { type: 'intervision', id: sessionId },
      details: {
        step: input.currentStep ?? null,
        status: input.status ?? null,
      },
    });
  });
  return getSession(ctx, actor, organisationId, trajectoryId, sessionId);
}

export async function saveNotes(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, trajectoryId, sessionId, step, text }: { organisationId: string; trajectoryId: string; sessionId: string; step: number; text: string },
) {
  const { access, row } = await openSession(ctx, actor, organisationId, trajectoryId, sessionId);
  if (step >= (methodOf(row.method)?.steps.length ?? 1)) throw notFound();
  await inTransaction(ctx.db, async (trx) => {
    await store.upsertNote(trx, { session_id: sessionId, step, text, updated_by: actor.userId, updated_at: ctx.clock.now().toISOString() });
    // The audit log says that notes changed, never what they say.
    await recordChange(trx, ctx, actor, access, { action: 'intervision.notes_saved', subject: { type: 'intervision', id: sessionId }, details: { step } });
  });
}

export async function shareTheme(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, trajectoryId, sessionId, theme }: { organisationId: string; trajectoryId: string; sessionId: string; theme: string },
) {
  const { access } = await openSession(ctx, actor, organisationId, trajectoryId, sessionId);
  const id = newId();
  await inTransaction(ctx.db, async (trx) => {
    await store.insertTheme(trx, { id, session_id: sessionId, theme, shared_by: actor.userId, shared_at: ctx.clock.now().toISOString() });
    await recordChange(trx, ctx, actor, access, { action: 'intervision.theme_shared', subject: { type: 'intervision', id: sessionId } });
  });
  return { id };
}
