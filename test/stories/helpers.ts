import { loadConfig } from '../../src/config.ts';
import { systemClock } from '../../src/core/clock.ts';
import type { Actor, ServiceContext } from '../../src/core/context.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import type { Role } from '../../src/modules/organisations/model.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser } from '../helpers/factories.ts';

export const contextFor = (handle: DatabaseHandle): ServiceContext => ({ db: handle.db, dialect: handle.dialect, clock: systemClock, config: loadConfig({}) });

export const actorOf = (userId: string, roles: Record<string, Role>): Actor => ({ userId, language: 'nl', roles: new Map(Object.entries(roles)) });

/**
 * One organisation with two teams and people in every role and position, plus an outsider in a
 * second organisation: the cast of the consent tests.
 */
export async function makeCast(ctx: ServiceContext) {
  const org = await makeOrganisation(ctx, `Verhalen ${Math.random().toString(36).slice(2, 8)}`);
  const other = await makeOrganisation(ctx, `Elders ${Math.random().toString(36).slice(2, 8)}`);
  const teamA = await makeTeam(ctx, org, 'Team Noord');
  const teamB = await makeTeam(ctx, org, 'Team Zuid');
  const person = async (role: Role, name: string, team?: { id: string; position: Parameters<typeof addToTeam>[3] }, organisationId = org) => {
    const user = await makeUser(ctx, { organisationId, role, name });
    if (team) await addToTeam(ctx, team.id, user.id, team.position);
    return actorOf(user.id, { [organisationId]: role });
  };
  return {
    org,
    other,
    teamA,
    teamB,
    author: await person('member', 'An Auteur', { id: teamA, position: 'experience_worker' }),
    teammate: await person('member', 'Bram Collega', { id: teamA, position: 'practitioner' }),
    teamCoordinator: await person('coordinator', 'Chris Coördinator', { id: teamA, position: 'coordinator' }),
    otherTeam: await person('member', 'Dina Anderteam', { id: teamB, position: 'practitioner' }),
    admin: await person('admin', 'Eva Beheer'),
    researcher: await person('researcher', 'Fien Onderzoek'),
    outsider: await person('admin', 'Gert Buiten', undefined, other),
  };
}
export type Cast = Awaited<ReturnType<typeof makeCast>>;
