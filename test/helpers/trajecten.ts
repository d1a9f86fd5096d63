import type { Actor, ServiceContext } from '../../src/core/context.ts';
import { newId } from '../../src/core/ids.ts';
import type { Position } from '../../src/modules/organisations/model.ts';
import { generateCharter } from '../../src/modules/trajecten/charter/generate.ts';
import { loadState } from '../../src/modules/trajecten/state-loader.ts';
import * as store from '../../src/modules/trajecten/store.ts';
import { addToTeam } from './factories.ts';

/** An actor as the services see one, with a role in one organisation. */
export const actorOf = (userId: string, organisationId: string, role: string, language: 'nl' | 'en' = 'nl'): Actor => ({
  userId,
  language,
  roles: new Map([[organisationId, role]]),
});

/**
 * Rows written straight to the tables (fast, and without audit events, like the other fixtures): the
 * given people in the team (the last one an experience worker), and a trajectory with a choice, a
 * support arrangement, an intervision session for all of them and a first charter version.
 */
export async function makeTrajectoryFixture(ctx: ServiceContext, organisationId: string, teamId: string, userIds: string[]) {
  const experienceWorker = userIds.at(-1) as string;
  const first = userIds[0] as string;
  const existing = new Set((await ctx.db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).execute()).map((r) => r.user_id));
  for (const userId of userIds) {
    const position: Position = userId === experienceWorker ? 'experience_worker' : 'practitioner';
    if (existing.has(userId)) await ctx.db.updateTable('team_members').set({ position }).where('team_id', '=', teamId).where('user_id', '=', userId).execute();
    else await addToTeam(ctx, teamId, userId, position);
  }
  const now = new Date().toISOString();
  const trajectory = newId();
  await store.insertTrajectory(ctx.db, {
    id: trajectory,
    organisation_id: organisationId,
    team_id: teamId,
    title: 'Traject',
    phase: 'visie',
    context_who: '',
    context_sector: null,
    logics: '[]',
    created_by: first,
    created_at: now,
    updated_at: now,
  });
  const agreement = newId();
  await store.insertAgreement(ctx.db, {
    id: agreement,
    trajectory_id: trajectory,
    topic: 'keuze',
    title: 'Betalen we ervaringswerk?',
    text: 'Ja',
    options: JSON.stringify(['Ja', 'Nee']),
    reason: 'Gelijk werk.',
    owner_user_id: experienceWorker,
    review_on: null,
    created_by: first,
    created_at: now,
    updated_at: now,
  });
  const support = newId();
  await store.insertSupport(ctx.db, {
    id: support,
    trajectory_id: trajectory,
    kind: 'coaching',
    frequency: 'maandelijks',
    by_whom: 'coach',
    for_whom: 'iedereen',
    created_at: now,
  });
  const session = newId();
  await store.insertSession(ctx.db, {
    id: session,
    trajectory_id: trajectory,
    method: 'vijf_stappen',
    planned_on: '2999-01-01',
    facilitator_user_id: first,
    presenter_user_id: experienceWorker,
    participants: JSON.stringify(userIds),
    current_step: 0,
    status: 'planned',
    created_by: first,
    created_at: now,
  });
  const row = await store.findTrajectory(ctx.db, organisationId, trajectory);
  const members = (await store.teamMembers(ctx.db, teamId)).map((m) => ({ ...m, position: m.position as Position }));
  if (!row) throw new Error('no trajectory');
  const state = await loadState(ctx.db, { row, members, isMember: false, canWrite: false, canSign: false });
  await store.insertVersion(ctx.db, {
    id: newId(),
    trajectory_id: trajectory,
    version: 1,
    language: 'nl',
    sections: JSON.stringify(generateCharter(state, 'nl')),
    created_by: first,
    created_at: now,
  });
  return { trajectory, agreement, support, session, experienceWorker };
}
