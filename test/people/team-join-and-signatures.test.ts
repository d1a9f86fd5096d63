import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/core/context.ts';
import { updateMe } from '../../src/modules/accounts/service.ts';
import { listTeamMembers, removeTeamMember, setTeamMember } from '../../src/modules/organisations/service.ts';
import { asReader, readableStories, readableStory } from '../../src/modules/stories/access.ts';
import { createStory } from '../../src/modules/stories/service.ts';
import { charterDocument, createVersion, getVersion, signVersion } from '../../src/modules/trajecten/charter-service.ts';
import { createTrajectory } from '../../src/modules/trajecten/service.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';
import { actorOf, type Cast, contextFor, makeCast } from '../stories/helpers.ts';

describeEachDatabase('team self-join and signatures', (dialect) => {
  let ctx: ServiceContext;
  let close: () => Promise<void>;
  let c: Cast;

  beforeAll(async () => {
    const opened = await openTestDatabase(dialect);
    ctx = contextFor(opened.handle);
    close = opened.close;
    c = await makeCast(ctx);
  });
  afterAll(() => close());

  const auditOf = (action: string, subjectId: string) =>
    ctx.db.selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', action).where('subject_id', '=', subjectId).execute();

  it('a coordinator who adds themselves to a team does not read its team-only stories; the team sees the self-join', async () => {
    const story = await createStory(ctx, c.author, c.org, { title: 'Alleen voor ons team', text: 'Wat ik vertel blijft in het team.', scope: 'team' });
    const user = await makeUser(ctx, { organisationId: c.org, role: 'coordinator', name: 'Hans Manager' });
    const manager = actorOf(user.id, { [c.org]: 'coordinator' });
    const titles = async () => (await readableStories(asReader(ctx, manager), c.org, 'view')).map((s) => s.title);

    expect(await titles()).not.toContain('Alleen voor ons team');
    await setTeamMember(ctx, manager, { organisationId: c.org, teamId: c.teamA, userId: user.id, position: 'practitioner' });
    // Joined, but the story stays closed to them: in lists and one by one.
    expect(await titles()).not.toContain('Alleen voor ons team');
    await expect(readableStory(asReader(ctx, manager), c.org, story.id, 'view')).rejects.toMatchObject({ id: 'not_found' });
    // The team sees who added themselves.
    const members = (await listTeamMembers(ctx, c.teammate, c.org, c.teamA)).members;
    expect(members.find((m) => m.userId === user.id)).toMatchObject({ displayName: 'Hans Manager', selfJoined: true });
    expect(members.find((m) => m.userId === c.teammate.userId)).toMatchObject({ selfJoined: false });
    expect(await auditOf('team_member.added', user.id)).toEqual([{ actor_user_id: user.id, details: expect.stringContaining('"selfJoin":true') }]);

    // Changing their own position does not turn the self-join into a real membership.
    await setTeamMember(ctx, manager, { organisationId: c.org, teamId: c.teamA, userId: user.id, position: 'coordinator' });
    expect(await titles()).not.toContain('Alleen voor ons team');

    // The team's own members still read it, with the author's name.
    const forTeammate = await readableStory(asReader(ctx, c.teammate), c.org, story.id, 'view');
    expect(forTeammate.author?.displayName).toBe('An Auteur');

    // Added by someone else (audited with both names), the membership opens the team's stories.
    await setTeamMember(ctx, c.admin, { organisationId: c.org, teamId: c.teamA, userId: user.id, position: 'coordinator' });
    expect(await titles()).toContain('Alleen voor ons team');
    expect((await listTeamMembers(ctx, c.teammate, c.org, c.teamA)).members.find((m) => m.userId === user.id)?.selfJoined).toBe(false);
    expect((await auditOf('team_member.added', user.id)).map((a) => a.actor_user_id)).toEqual([user.id, c.admin.userId]);

    await removeTeamMember(ctx, c.admin, c.org, c.teamA, user.id);
    expect(await titles()).not.toContain('Alleen voor ons team');
    expect(await auditOf('team_member.removed', user.id)).toHaveLength(1);
  });

  it('an admin who adds themselves to a team does not read its team-only stories either', async () => {
    await createStory(ctx, c.otherTeam, c.org, { title: 'Zuid onder elkaar', text: 'Voor team Zuid.', scope: 'team' });
    await setTeamMember(ctx, c.admin, { organisationId: c.org, teamId: c.teamB, userId: c.admin.userId, position: 'policy_officer' });
    const titles = (await readableStories(asReader(ctx, c.admin), c.org, 'view')).map((s) => s.title);
    expect(titles).not.toContain('Zuid onder elkaar');
    await removeTeamMember(ctx, c.admin, c.org, c.teamB, c.admin.userId);
  });

  it('a signature keeps the name the person signed with, after a rename', async () => {
    const trajectory = await createTrajectory(ctx, c.teammate, c.org, { teamId: c.teamA, title: 'Samen verder' });
    await createVersion(ctx, c.teammate, c.org, trajectory.id);
    await signVersion(ctx, c.teammate, c.org, trajectory.id, 1);
    await updateMe(ctx, c.teammate, { displayName: 'Bram Nieuwenaam' });

    const view = await getVersion(ctx, c.author, c.org, trajectory.id, 1);
    expect(view.signatures).toEqual([{ userId: c.teammate.userId, displayName: 'Bram Collega', signedAt: expect.any(String) }]);
    const doc = await charterDocument(ctx, c.author, { organisationId: c.org, trajectoryId: trajectory.id, version: 1, format: 'md' });
    expect(doc.signatures.map((s) => s.displayName)).toEqual(['Bram Collega']);
  });
});
