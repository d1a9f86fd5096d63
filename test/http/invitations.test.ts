import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

describeEachDatabase('invitations, roles and teams', (dialect) => {
  let t: TestApp;
  let org: string;
  let team: string;
  let admin: Client;

  const tokenOf = (link: string) => link.split('#')[1] ?? '';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Kompas vzw');
    team = await makeTeam(t.ctx, org, 'Team Herstel');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    admin = new Client(t.app);
    await admin.login(user.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('an admin invites a new person by a one-time link with a role, team and position', async () => {
    const created = await admin.post(`/api/orgs/${org}/invitations`, {
      email: 'Nieuw.Lid@Example.org',
      role: 'member',
      teamId: team,
      position: 'experience_worker',
    });
    expect(created.statusCode).toBe(200);
    const { link, invitation } = created.json();
    expect(link).toMatch(/^http:\/\/localhost(:\d+)?\/invite#[A-Za-z0-9_-]{43}$/);
    expect(invitation).toMatchObject({ email: 'nieuw.lid@example.org', role: 'member', status: 'open', position: 'experience_worker' });

    const stored = await t.ctx.db.selectFrom('invitations').select('token_hash').where('id', '=', invitation.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(tokenOf(link));

    const visitor = new Client(t.app);
    const preview = await visitor.post('/api/invitations/lookup', { token: tokenOf(link) });
    expect(preview.json()).toEqual({
      organisationId: org,
      organisationName: 'Kompas vzw',
      email: 'nieuw.lid@example.org',
      role: 'member',
      accountExists: false,
    });

    const tooShort = await visitor.post('/api/invitations/accept', { token: tokenOf(link), displayName: 'Noor', password: 'kort' });
    expect(tooShort.statusCode).toBe(400);

    const accepted = await visitor.post('/api/invitations/accept', { token: tokenOf(link), displayName: 'Noor', password: 'een lang genoeg wachtwoord' });
    expect(accepted.statusCode).toBe(200);
    const me = accepted.json();
    expect(me.organisations).toEqual([expect.objectContaining({ id: org, role: 'member' })]);
    expect(me.teams).toEqual([expect.objectContaining({ id: team, position: 'experience_worker' })]);
    expect((await visitor.get('/api/me')).statusCode).toBe(200);
    expect(me.user.language).toBe('nl');

    const again = await new Client(t.app).post('/api/invitations/accept', {
      token: tokenOf(link),
      displayName: 'Iemand',
      password: 'een lang genoeg wachtwoord',
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.id).toBe('invitation_invalid');

    const actions = await auditActions(t.ctx, org);
    expect(actions).toEqual(expect.arrayContaining(['invitation.created', 'membership.created', 'team_member.added', 'invitation.accepted']));
    const invitations = (await admin.get(`/api/orgs/${org}/invitations`)).json().invitations;
    expect(invitations.find((i: { id: string }) => i.id === invitation.id).status).toBe('accepted');
  });

  it('a new account starts in the language used to accept the invitation', async () => {
    const { link } = (await admin.post(`/api/orgs/${org}/invitations`, { email: 'english@example.org', role: 'member' })).json();
    const visitor = new Client(t.app, 'en');
    const accepted = await visitor.post('/api/invitations/accept', { token: tokenOf(link), displayName: 'Sam', password: 'a long enough password' });
    expect(accepted.json().user.language).toBe('en');
  });

  it('two people redeeming one link at once: exactly one wins', async () => {
    const { link } = (await admin.post(`/api/orgs/${org}/invitations`, { email: 'race@example.org', role: 'member' })).json();
    const attempts = await Promise.all(
      [1, 2, 3].map(() =>
        new Client(t.app).post('/api/invitations/accept', { token: tokenOf(link), displayName: 'Race', password: 'een lang genoeg wachtwoord' }),
      ),
    );
    expect(attempts.filter((a) => a.statusCode === 200)).toHaveLength(1);
    const users = await t.ctx.db.selectFrom('users').select('id').where('email', '=', 'race@example.org').execute();
    expect(users).toHaveLength(1);
  });

  it('someone who already has an account joins with their own password', async () => {
    const otherOrg = await makeOrganisation(t.ctx);
    const existing = await makeUser(t.ctx, { organisationId: otherOrg, role: 'member' });
    const { link } = (await admin.post(`/api/orgs/${org}/invitations`, { email: existing.email, role: 'researcher' })).json();
    const visitor = new Client(t.app);
    expect((await visitor.post('/api/invitations/lookup', { token: tokenOf(link) })).json().accountExists).toBe(true);
    expect((await visitor.post('/api/invitations/accept', { token: tokenOf(link), password: 'wrong password!!' })).statusCode).toBe(401);
    const accepted = await visitor.post('/api/invitations/accept', { token: tokenOf(link), password: TEST_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(
      accepted
        .json()
        .organisations.map((o: { id: string; role: string }) => [o.id, o.role])
        .sort(),
    ).toEqual(
      [
        [org, 'researcher'],
        [otherOrg, 'member'],
      ].sort(),
    );
  });

  it('a revoked or expired link does not work', async () => {
    const { link, invitation } = (await admin.post(`/api/orgs/${org}/invitations`, { email: 'revoked@example.org', role: 'member' })).json();
    expect((await admin.delete(`/api/orgs/${org}/invitations/${invitation.id}`)).statusCode).toBe(200);
    expect((await new Client(t.app).post('/api/invitations/lookup', { token: tokenOf(link) })).statusCode).toBe(404);

    const expiring = (await admin.post(`/api/orgs/${org}/invitations`, { email: 'late@example.org', role: 'member' })).json();
    await t.ctx.db.updateTable('invitations').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', expiring.invitation.id).execute();
    const late = await new Client(t.app).post('/api/invitations/accept', {
      token: tokenOf(expiring.link),
      displayName: 'Laat',
      password: 'een lang genoeg wachtwoord',
    });
    expect(late.statusCode).toBe(404);
    expect(await auditActions(t.ctx, org)).toContain('invitation.revoked');
  });

  it('does not invite someone who is already a member', async () => {
    const member = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const response = await admin.post(`/api/orgs/${org}/invitations`, { email: member.email, role: 'member' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('Deze persoon is al lid van de organisatie.');
  });

  it('an admin changes roles, but never removes the last admin', async () => {
    const member = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const changed = await admin.patch(`/api/orgs/${org}/members/${member.id}`, { role: 'coordinator' });
    expect(changed.json()).toMatchObject({ userId: member.id, role: 'coordinator' });
    const me = (await admin.get('/api/me')).json();
    const selfDemote = await admin.patch(`/api/orgs/${org}/members/${me.user.id}`, { role: 'member' });
    expect(selfDemote.statusCode).toBe(409);
    expect(selfDemote.json().error.message).toBe('Een organisatie heeft minstens één beheerder nodig.');
    expect((await admin.delete(`/api/orgs/${org}/members/${me.user.id}`)).statusCode).toBe(409);
    expect(await auditActions(t.ctx, org)).toContain('membership.role_changed');
  });

  it('teams: create, rename, add members with a position, change it, remove, delete — all audited', async () => {
    const coordinatorUser = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    const coordinator = new Client(t.app);
    await coordinator.login(coordinatorUser.email, TEST_PASSWORD);
    const created = (await coordinator.post(`/api/orgs/${org}/teams`, { name: 'Team Jeugd' })).json();
    expect((await coordinator.patch(`/api/orgs/${org}/teams/${created.id}`, { name: 'Team Jeugd Oost' })).json().name).toBe('Team Jeugd Oost');
    const worker = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const put = await coordinator.put(`/api/orgs/${org}/teams/${created.id}/members/${worker.id}`, { position: 'practitioner' });
    expect(put.json()).toMatchObject({ userId: worker.id, position: 'practitioner' });
    await coordinator.put(`/api/orgs/${org}/teams/${created.id}/members/${worker.id}`, { position: 'policy_officer' });
    const roster = (await coordinator.get(`/api/orgs/${org}/teams/${created.id}/members`)).json();
    expect(roster.members).toEqual([expect.objectContaining({ userId: worker.id, position: 'policy_officer' })]);
    const outsider = await makeUser(t.ctx, { organisationId: await makeOrganisation(t.ctx) });
    expect((await coordinator.put(`/api/orgs/${org}/teams/${created.id}/members/${outsider.id}`, { position: 'practitioner' })).statusCode).toBe(404);
    expect((await coordinator.delete(`/api/orgs/${org}/teams/${created.id}/members/${worker.id}`)).statusCode).toBe(200);
    expect((await coordinator.delete(`/api/orgs/${org}/teams/${created.id}`)).statusCode).toBe(200);
    expect(await auditActions(t.ctx, org)).toEqual(
      expect.arrayContaining(['team.created', 'team.renamed', 'team_member.added', 'team_member.position_changed', 'team_member.removed', 'team.deleted']),
    );
  });

  it('admins read the audit trail page by page and export it as CSV (the export is audited too)', async () => {
    const first = (await admin.get(`/api/orgs/${org}/audit?limit=2`)).json();
    expect(first.events).toHaveLength(2);
    expect(first.events[0].seq).toBeGreaterThan(first.events[1].seq);
    const next = (await admin.get(`/api/orgs/${org}/audit?limit=2&before=${first.nextBefore}`)).json();
    expect(next.events[0].seq).toBeLessThan(first.events[1].seq);
    const csv = await admin.get(`/api/orgs/${org}/audit.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('seq,at,action,subject_type,subject_id,actor_id,actor_name,details');
    expect(csv.body).toContain('invitation.created');
    expect(await auditActions(t.ctx, org)).toContain('audit.exported');
  });
});
