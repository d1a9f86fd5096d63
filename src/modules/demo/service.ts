import type { ServiceContext } from '../../core/context.ts';
import { inTransaction } from '../../db/database.ts';
import { createUser, findUserIdByEmail, resetPassword } from '../accounts/service.ts';
import { recordAudit } from '../audit/service.ts';
import { addMembership, createOrganisation, createTeam, setTeamMember } from '../organisations/service.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import { DEMO_ORGANISATION, DEMO_PASSWORD, demoPeople, demoTeams } from './accounts.ts';
import { loadDemoMeetings } from './meetings.ts';
import { loadDemoRounds } from './rounds.ts';
import { loadDemoSignals } from './signals.ts';
import * as store from './store.ts';
import { demoStoryColleagues, loadDemoStories } from './stories.ts';
import { loadDemoTrajectory } from './trajecten.ts';

export async function hasAnyOrganisation(ctx: ServiceContext): Promise<boolean> {
  return store.anyOrganisation(ctx.db);
}

/**
 * Loads the demo organisation with one account per role. Reloading removes the demo organisation
 * (and everything in it) first and resets the demo accounts' passwords; other data is untouched.
 */
export async function loadDemo(ctx: ServiceContext, options: { photoStorage?: PhotoStorage } = {}): Promise<{ organisationId: string }> {
  // The old demo's photos live outside the database: remove them once the new demo is in.
  const oldPhotos = await store.demoPhotoKeys(ctx.db, DEMO_ORGANISATION.name);
  const result = await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    await store.deleteOrganisationNamed(trx, DEMO_ORGANISATION.name);
    const organisationId = await createOrganisation(tctx, { name: DEMO_ORGANISATION.name, sector: DEMO_ORGANISATION.sector });
    const teamIds = new Map<string, string>();
    let researcherId: string | undefined;
    const herstel: { coordinator?: string; experienceWorker?: string } = {};
    const ids = new Map<string, string>();
    for (const name of demoTeams) teamIds.set(name, (await createTeam(tctx, null, organisationId, name)).id);
    for (const person of demoPeople) {
      let userId = await findUserIdByEmail(tctx, person.email);
      if (userId) await resetPassword(tctx, person.email, DEMO_PASSWORD);
      else userId = await createUser(tctx, { email: person.email, displayName: person.displayName, password: DEMO_PASSWORD }, null);
      await addMembership(tctx, { organisationId, userId, role: person.role, actorUserId: null });
      if (person.role === 'researcher') researcherId = userId;
      ids.set(person.email, userId);
      for (const membership of person.teams) {
        const teamId = teamIds.get(membership.team);
        if (teamId) await setTeamMember(tctx, null, { organisationId, teamId, userId, position: membership.position });
        if (membership.team === 'Team Herstel' && membership.position === 'coordinator') herstel.coordinator = userId;
        if (membership.team === 'Team Herstel' && membership.position === 'experience_worker') herstel.experienceWorker = userId;
      }
    }
    // Two rounds of "Cocreatie in beeld" whose report shows the seed's published tables.
    if (researcherId) await loadDemoRounds(tctx, organisationId, researcherId, [...teamIds.values()]);
    // Experience stories, reflections and a photovoice exhibition (photos only with a photo storage).
    // First: it adds a practitioner and a policy officer to Team Herstel, who take part in its trajectory.
    const byRole = (role: string) => ids.get(demoPeople.find((p) => p.role === role)?.email ?? '');
    const [experienceWorker, coordinator, admin] = [byRole('member'), byRole('coordinator'), byRole('admin')];
    if (experienceWorker && coordinator && admin) {
      await loadDemoStories(tctx, options.photoStorage, organisationId, { experienceWorker, coordinator, admin }, teamIds);
    }
    // A co-creative trajectory of Team Herstel, partly done, with a first charter version to sign.
    const herstelTeam = teamIds.get('Team Herstel');
    if (herstelTeam && herstel.coordinator && herstel.experienceWorker)
      await loadDemoTrajectory(tctx, organisationId, herstelTeam, { coordinator: herstel.coordinator, experienceWorker: herstel.experienceWorker });
    // Signals to policy in different states, raised by the experience worker and answered by the coordinator.
    if (experienceWorker && coordinator && researcherId && herstelTeam) {
      await loadDemoSignals(tctx, organisationId, { worker: experienceWorker, coordinator, researcher: researcherId }, herstelTeam);
    }
    // A finished live meeting with 44 participants, and the template ready to run.
    if (coordinator) await loadDemoMeetings(tctx, organisationId, coordinator);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: null,
      action: 'demo.loaded',
      subjectType: 'organisation',
      subjectId: organisationId,
    });
    return { organisationId };
  });
  if (options.photoStorage) for (const key of oldPhotos) await options.photoStorage.delete(key);
  return result;
}

export const demoLogins = () => [
  ...demoPeople.map((p) => ({ email: p.email, role: p.role, password: DEMO_PASSWORD })),
  ...demoStoryColleagues.map((p) => ({ email: p.email, role: 'member', password: DEMO_PASSWORD })),
];
