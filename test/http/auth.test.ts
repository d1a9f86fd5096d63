import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { midMinute } from '../helpers/rate-windows.ts';

describeEachDatabase('sign-in, sessions and CSRF', (dialect) => {
  let t: TestApp;
  let email: string;
  let userId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const org = await makeOrganisation(t.ctx);
    ({ email, id: userId } = await makeUser(t.ctx, { organisationId: org, role: 'admin' }));
  });
  afterAll(() => t.close());

  it('signs in, sets a safe session cookie, and returns who you are', async () => {
    const client = new Client(t.app);
    const response = await client.login(email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.email).toBe(email);
    const setCookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('kb_session='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Expires=/);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP in this test: Secure only over TLS
    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect(await auditActions(t.ctx, null)).toContain('user.login');
  });

  it('marks the cookie Secure when served over TLS (behind a proxy that says so)', async () => {
    const proxied = await createTestApp(dialect, { trustProxy: true });
    const org = await makeOrganisation(proxied.ctx);
    const user = await makeUser(proxied.ctx, { organisationId: org });
    const client = new Client(proxied.app);
    const response = await client.request('POST', '/api/auth/login', { email: user.email, password: TEST_PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(response.statusCode).toBe(200);
    expect([response.headers['set-cookie']].flat().find((c) => c?.startsWith('kb_session='))).toMatch(/Secure/);
    await proxied.close();
  });

  it('gives a new session id at every log-in and ends the old one', async () => {
    const client = new Client(t.app);
    await client.login(email, TEST_PASSWORD);
    const first = client.cookies.get('kb_session');
    await client.login(email, TEST_PASSWORD);
    const second = client.cookies.get('kb_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const stale = new Client(t.app);
    stale.cookies.set('kb_session', first ?? '');
    expect((await stale.get('/api/me')).statusCode).toBe(401);
  });

  it('stores sessions in the database, only as a hash', async () => {
    const client = new Client(t.app);
    await client.login(email, TEST_PASSWORD);
    const token = client.cookies.get('kb_session') ?? '';
    const rows = await t.ctx.db.selectFrom('sessions').select('id_hash').where('user_id', '=', userId).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id_hash)).not.toContain(token);
  });

  it('logs out on the server: the old cookie no longer works', async () => {
    const client = new Client(t.app);
    await client.login(email, TEST_PASSWORD);
    const token = client.cookies.get('kb_session') ?? '';
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = new Client(t.app);
    replay.cookies.set('kb_session', token);
    expect((await replay.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown e-mail with the same message', async () => {
    const client = new Client(t.app, 'en');
    const wrong = await client.post('/api/auth/login', { email, password: 'not the password' });
    const unknown = await client.post('/api/auth/login', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.message).toMatch(/e-mail address or the password/);
  });

  it('refuses every state-changing request without a valid CSRF token', async () => {
    const client = new Client(t.app);
    await client.login(email, TEST_PASSWORD);
    const withoutToken = await client.request('PATCH', '/api/me', { language: 'en' }, { 'x-csrf-token': '' });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.id).toBe('csrf_invalid');
    const forged = await client.request('PATCH', '/api/me', { language: 'en' }, { 'x-csrf-token': 'forged-token' });
    expect(forged.statusCode).toBe(403);
    expect((await client.get('/api/me')).json().user.language).toBe('nl');
  });

  it('expires a session after the idle time and after its lifetime', async () => {
    let now = new Date('2026-01-01T10:00:00Z');
    const clocked = await createTestApp(dialect, { session: { idleMinutes: 30, maxHours: 12 } }, { now: () => now });
    const org = await makeOrganisation(clocked.ctx);
    const user = await makeUser(clocked.ctx, { organisationId: org });
    const client = new Client(clocked.app);
    await client.login(user.email, TEST_PASSWORD);
    now = new Date('2026-01-01T10:29:00Z');
    expect((await client.get('/api/me')).statusCode).toBe(200);
    now = new Date('2026-01-01T11:00:00Z');
    expect((await client.get('/api/me')).statusCode).toBe(401);

    await client.login(user.email, TEST_PASSWORD);
    for (let minutes = 25; minutes <= 12 * 60; minutes += 25) {
      now = new Date(Date.parse('2026-01-01T11:00:00Z') + minutes * 60_000);
      const status = (await client.get('/api/me')).statusCode;
      if (minutes < 12 * 60) expect(status).toBe(200);
    }
    now = new Date(Date.parse('2026-01-01T11:00:00Z') + 12 * 60 * 60_000 + 60_000);
    expect((await client.get('/api/me')).statusCode).toBe(401);
    await clocked.close();
  });

  it('keeps the language a person chooses', async () => {
    const client = new Client(t.app);
    await client.login(email, TEST_PASSWORD);
    expect((await client.patch('/api/me', { language: 'en' })).json().user.language).toBe('en');
    const again = new Client(t.app, 'nl');
    await again.login(email, TEST_PASSWORD);
    expect((await again.get('/api/me')).json().user.language).toBe('en');
    // Errors now come in English for this person, whatever the browser says.
    expect((await again.patch('/api/me', { language: 'fr' })).json().error.message).toMatch(/Some of the information/);
    await again.patch('/api/me', { language: 'nl' });
    expect(await auditActions(t.ctx, null)).toContain('user.updated');
  });
});

describeEachDatabase('rate limits on sign-in', (dialect) => {
  it('answers 429 with a message after too many tries', async () => {
    const t = await createTestApp(dialect, { rateLimits: { loginPerMinute: 3, invitePerMinute: 2, respondentPerMinute: 1000 } }, midMinute);
    const client = new Client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.post('/api/auth/login', { email: 'a@example.org', password: 'wrong password' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await client.post('/api/auth/login', { email: 'a@example.org', password: 'wrong password' });
    expect(limited.json().error.message).toMatch(/Te veel pogingen/);
    expect(limited.headers['retry-after']).toBeDefined();

    const invites: number[] = [];
    for (let i = 0; i < 4; i++) invites.push((await client.post('/api/invitations/lookup', { token: 'x'.repeat(43) })).statusCode);
    expect(invites).toEqual([404, 404, 429, 429]);
    await t.close();
  });
});
