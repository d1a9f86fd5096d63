import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const NEW_PASSWORD = 'een heel nieuw wachtwoord';
const tokenOf = (link: string) => link.split('#')[1] ?? '';

describeEachDatabase('changing and resetting a password', (dialect) => {
  let t: TestApp;
  let now: Date;
  let org: string;
  let adminEmail: string;
  let admin: Client;

  beforeAll(async () => {
    now = new Date('2026-03-02T10:00:00Z');
    t = await createTestApp(dialect, {}, { now: () => now });
    org = await makeOrganisation(t.ctx);
    adminEmail = (await makeUser(t.ctx, { organisationId: org, role: 'admin' })).email;
  });
  afterAll(() => t.close());
  // Each test an hour later (sessions of the one before have idled out), with the admin signed in anew.
  beforeEach(async () => {
    now = new Date(now.getTime() + 60 * 60_000);
    admin = new Client(t.app);
    await admin.login(adminEmail, TEST_PASSWORD);
  });

  const hashOf = async (id: string) =>
    (await t.ctx.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;

  it('changes the password in Settings: the current one is asked, every other session ends, this one stays', async () => {
    const user = await makeUser(t.ctx, { organisationId: org });
    const here = new Client(t.app);
    await here.login(user.email, TEST_PASSWORD);
    const elsewhere = new Client(t.app);
    await elsewhere.login(user.email, TEST_PASSWORD);
    const before = await hashOf(user.id);

    const wrong = await here.post('/api/me/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues).toEqual([{ path: 'currentPassword', message: 'Je huidige wachtwoord klopt niet.' }]);
    expect(await hashOf(user.id)).toBe(before);

    const changed = await here.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ ended: 1 });
    // Stored with OWASP's argon2id profile (the factories' own hash is a cheap one, made for the tests only).
    expect(before).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
    expect(await hashOf(user.id)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await here.get('/api/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/me')).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/auth/login', { email: user.email, password: NEW_PASSWORD })).statusCode).toBe(200);
    const audit = await t.ctx.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', user.id).execute();
    expect(audit).toContainEqual({ action: 'user.password_changed', details: JSON.stringify({ otherSessionsEnded: 1 }) });
  });

  it('refuses a common or breached new password, in the person’s language, and changes nothing', async () => {
    const user = await makeUser(t.ctx, { organisationId: org, language: 'en' });
    const client = new Client(t.app, 'en');
    await client.login(user.email, TEST_PASSWORD);
    const before = await hashOf(user.id);
    const refused = await client.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Password1234!' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toEqual([
      {
        path: 'newPassword',
        message:
          'This password is too well known: it is on a list of common or leaked passwords. Choose something else, for example a sentence of a few words.',
      },
    ]);
    const short = await client.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'te kort' });
    expect(short.json().error.issues[0].message).toBe('Use at least 12 characters. A sentence of a few words is long enough and easy to remember.');
    expect(await hashOf(user.id)).toBe(before);
  });

  it('counts wrong current passwords like wrong sign-ins: after five, the account waits', async () => {
    const user = await makeUser(t.ctx, { organisationId: org });
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await client.post('/api/me/password', { currentPassword: `wrong ${i}`, newPassword: NEW_PASSWORD })).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect((await client.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(429);
  });

  it('an admin starts a reset: without e-mail they get a link to hand over, never the password, and the password stays as it was', async () => {
    const member = await makeUser(t.ctx, { organisationId: org });
    const before = await hashOf(member.id);
    const started = await admin.post(`/api/orgs/${org}/members/${member.id}/password-reset`);
    expect(started.statusCode).toBe(200);
    const body = started.json();
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'link', 'sent']);
    expect(body.sent).toBe(false);
    expect(body.expiresAt).toBe(new Date(now.getTime() + 60 * 60_000).toISOString());
    expect(body.link).toMatch(/^http:\/\/localhost(:\d+)?\/reset-password#[A-Za-z0-9_-]{43}$/);
    expect(await hashOf(member.id)).toBe(before);
    expect(JSON.stringify(body)).not.toContain(TEST_PASSWORD);
    const stored = await t.ctx.db.selectFrom('password_resets').select('token_hash').where('user_id', '=', member.id).execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(tokenOf(body.link));
    expect(await auditActions(t.ctx, org)).toContain('user.password_reset_requested');
  });

  it('a reset link works once: the new password is set, every session of the person ends, the link is then refused', async () => {
    const member = await makeUser(t.ctx, { organisationId: org });
    const signedIn = new Client(t.app);
    await signedIn.login(member.email, TEST_PASSWORD);
    const token = tokenOf((await admin.post(`/api/orgs/${org}/members/${member.id}/password-reset`)).json().link);
    const visitor = new Client(t.app);

    const breached = await visitor.post('/api/auth/reset-password', { token, newPassword: 'welkom01welkom01' });
    expect(breached.statusCode).toBe(400);
    expect(breached.json().error.issues[0].path).toBe('newPassword');

    const reset = await visitor.post('/api/auth/reset-password', { token, newPassword: NEW_PASSWORD });
    expect(reset.statusCode).toBe(200);
    expect((await signedIn.get('/api/me')).statusCode).toBe(401);
    // Not signed in by the link: the person signs in with the new password.
    expect((await visitor.get('/api/me')).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/auth/login', { email: member.email, password: NEW_PASSWORD })).statusCode).toBe(200);

    const again = await new Client(t.app).post('/api/auth/reset-password', { token, newPassword: 'nog een ander wachtwoord' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe('Deze link werkt niet meer: hij is al gebruikt of ouder dan een uur. Vraag een nieuwe link aan.');
    expect((await new Client(t.app).post('/api/auth/login', { email: member.email, password: NEW_PASSWORD })).statusCode).toBe(200);
    const audit = await t.ctx.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', member.id).execute();
    expect(audit).toContainEqual({ action: 'user.password_reset', details: JSON.stringify({ via: 'link', sessionsEnded: 1 }) });
  });

  it('a reset link expires after an hour', async () => {
    const member = await makeUser(t.ctx, { organisationId: org });
    const early = tokenOf((await admin.post(`/api/orgs/${org}/members/${member.id}/password-reset`)).json().link);
    const late = tokenOf((await admin.post(`/api/orgs/${org}/members/${member.id}/password-reset`)).json().link);
    const start = now;
    now = new Date(start.getTime() + 61 * 60_000);
    expect((await new Client(t.app).post('/api/auth/reset-password', { token: late, newPassword: NEW_PASSWORD })).statusCode).toBe(404);
    now = new Date(start.getTime() + 59 * 60_000);
    expect((await new Client(t.app).post('/api/auth/reset-password', { token: early, newPassword: NEW_PASSWORD })).statusCode).toBe(200);
    // The other link of the same person stopped working when the password was set.
    expect((await new Client(t.app).post('/api/auth/reset-password', { token: late, newPassword: 'nog een ander wachtwoord' })).statusCode).toBe(404);
  });

  it('without e-mail, refuses to hand an admin a link for someone who is also in an organisation they do not manage', async () => {
    const other = await makeOrganisation(t.ctx);
    const member = await makeUser(t.ctx, { organisationId: org });
    await t.ctx.db.insertInto('memberships').values({ organisation_id: other, user_id: member.id, role: 'member', created_at: now.toISOString() }).execute();
    const refused = await admin.post(`/api/orgs/${org}/members/${member.id}/password-reset`);
    expect(refused.statusCode).toBe(409);
    expect(await t.ctx.db.selectFrom('password_resets').select('token_hash').where('user_id', '=', member.id).execute()).toEqual([]);
  });

  it('"forgot password" without e-mail says to ask the admin, the same for a known and an unknown address', async () => {
    const member = await makeUser(t.ctx, { organisationId: org });
    expect((await new Client(t.app).get('/api/auth/password-reset')).json()).toEqual({ byMail: false });
    const known = await new Client(t.app).post('/api/auth/forgot-password', { email: member.email });
    const unknown = await new Client(t.app).post('/api/auth/forgot-password', { email: 'niemand@example.org' });
    expect(known.statusCode).toBe(409);
    expect(unknown.statusCode).toBe(409);
    expect(known.json().error.message).toBe(unknown.json().error.message);
    expect(known.json().error.message).toMatch(/Vraag de beheerder/);
  });

  it('refuses a breached password when an invitation is accepted', async () => {
    const created = await admin.post(`/api/orgs/${org}/invitations`, { email: 'nieuw@example.org', role: 'member' });
    const token = tokenOf(created.json().link);
    const visitor = new Client(t.app);
    const refused = await visitor.post('/api/invitations/accept', { token, displayName: 'Nieuw', password: 'iloveyou12345' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toEqual([
      {
        path: 'password',
        message:
          'Dit wachtwoord is te bekend: het staat op een lijst van veelgebruikte of gelekte wachtwoorden. Kies iets anders, bijvoorbeeld een zin van een paar woorden.',
      },
    ]);
    expect((await visitor.post('/api/invitations/accept', { token, displayName: 'Nieuw', password: NEW_PASSWORD })).statusCode).toBe(200);
  });
});

describeEachDatabase('guessing reset links', (dialect) => {
  it('counts unknown links as guesses and refuses (429) past the limit', async () => {
    const t = await createTestApp(dialect, { guesses: { perScope: 30, global: 3, windowMinutes: 10 } });
    const client = new Client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await client.post('/api/auth/reset-password', { token: `${'b'.repeat(42)}${i}`, newPassword: NEW_PASSWORD })).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
    await t.close();
  });
});
