import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const WINDOWS_FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0';

/** A client whose every request carries the given user agent. */
function clientOn(t: TestApp, userAgent: string): Client {
  const client = new Client(t.app);
  const request = client.request.bind(client);
  client.request = (method, url, body, headers = {}) => request(method, url, body, { 'user-agent': userAgent, ...headers });
  return client;
}

describeEachDatabase('a person’s sessions', (dialect) => {
  let t: TestApp;
  let now: Date;
  let org: string;

  beforeAll(async () => {
    now = new Date('2026-03-02T09:00:00Z');
    t = await createTestApp(dialect, { session: { idleMinutes: 7 * 24 * 60, maxHours: 30 * 24 } }, { now: () => now });
    org = await makeOrganisation(t.ctx);
  });
  afterAll(() => t.close());

  it('lists the sessions that still work with browser, system and days, and ends one of them', async () => {
    const user = await makeUser(t.ctx, { organisationId: org });
    const phone = clientOn(t, ANDROID_CHROME);
    await phone.login(user.email, TEST_PASSWORD);
    now = new Date('2026-03-04T15:30:00Z');
    const laptop = clientOn(t, WINDOWS_FIREFOX);
    await laptop.login(user.email, TEST_PASSWORD);

    const listed = await laptop.get('/api/me/sessions');
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json().sessions as { id: string }[];
    expect(sessions).toEqual([
      { id: expect.stringMatching(/^[0-9a-f]{32}$/), browser: 'Firefox', system: 'Windows', startedOn: '2026-03-04', lastUsedOn: '2026-03-04', current: true },
      { id: expect.stringMatching(/^[0-9a-f]{32}$/), browser: 'Chrome', system: 'Android', startedOn: '2026-03-02', lastUsedOn: '2026-03-02', current: false },
    ]);
    // Only the kind of device is kept, not the user agent.
    const stored = await t.ctx.db.selectFrom('sessions').select('device').where('user_id', '=', user.id).execute();
    expect(stored.map((s) => s.device).sort()).toEqual(['Chrome/Android', 'Firefox/Windows']);

    const phoneSession = sessions[1]?.id ?? '';
    expect((await laptop.delete(`/api/me/sessions/${phoneSession}`)).statusCode).toBe(200);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
    expect((await laptop.get('/api/me/sessions')).json().sessions).toHaveLength(1);
    const audit = await t.ctx.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('subject_id', '=', user.id).execute();
    expect(audit).toContainEqual({ action: 'user.session_ended', actor_user_id: user.id });
  });

  it("cannot end someone else's session, nor see it", async () => {
    const one = await makeUser(t.ctx, { organisationId: org });
    const other = await makeUser(t.ctx, { organisationId: org });
    const mine = new Client(t.app);
    await mine.login(one.email, TEST_PASSWORD);
    const theirs = new Client(t.app);
    await theirs.login(other.email, TEST_PASSWORD);
    const theirId = (await theirs.get('/api/me/sessions')).json().sessions[0].id;
    expect((await mine.get('/api/me/sessions')).json().sessions.map((s: { id: string }) => s.id)).not.toContain(theirId);
    expect((await mine.delete(`/api/me/sessions/${theirId}`)).statusCode).toBe(404);
    expect((await theirs.get('/api/me')).statusCode).toBe(200);
  });

  it('ends every other session at once and keeps this one', async () => {
    const user = await makeUser(t.ctx, { organisationId: org });
    const here = new Client(t.app);
    const others = [new Client(t.app), new Client(t.app)];
    for (const client of [here, ...others]) await client.login(user.email, TEST_PASSWORD);
    const ended = await here.post('/api/me/sessions/end-others');
    expect(ended.json()).toEqual({ ended: 2 });
    for (const client of others) expect((await client.get('/api/me')).statusCode).toBe(401);
    expect((await here.get('/api/me')).statusCode).toBe(200);
  });

  it("an admin ends all of a member's sessions; a coordinator may not; the admin's own are ended in Settings", async () => {
    const admin = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    const coordinator = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    const member = await makeUser(t.ctx, { organisationId: org });
    const adminClient = new Client(t.app);
    await adminClient.login(admin.email, TEST_PASSWORD);
    const coordinatorClient = new Client(t.app);
    await coordinatorClient.login(coordinator.email, TEST_PASSWORD);
    const memberClients = [new Client(t.app), new Client(t.app)];
    for (const client of memberClients) await client.login(member.email, TEST_PASSWORD);

    expect((await coordinatorClient.delete(`/api/orgs/${org}/members/${member.id}/sessions`)).statusCode).toBe(403);
    for (const client of memberClients) expect((await client.get('/api/me')).statusCode).toBe(200);
    const ended = await adminClient.delete(`/api/orgs/${org}/members/${member.id}/sessions`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: 2 });
    for (const client of memberClients) expect((await client.get('/api/me')).statusCode).toBe(401);
    expect(await auditActions(t.ctx, org)).toContain('user.sessions_ended_by_admin');
    expect((await adminClient.delete(`/api/orgs/${org}/members/${admin.id}/sessions`)).statusCode).toBe(409);
  });
});

describeEachDatabase('asking to be erased', (dialect) => {
  it('records the request in the audit trail of each of the person’s organisations, and erases nothing', async () => {
    const t = await createTestApp(dialect);
    const first = await makeOrganisation(t.ctx, 'Eerste');
    const second = await makeOrganisation(t.ctx, 'Tweede');
    const user = await makeUser(t.ctx, { organisationId: first });
    await t.ctx.db
      .insertInto('memberships')
      .values({ organisation_id: second, user_id: user.id, role: 'member', created_at: new Date().toISOString() })
      .execute();
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const asked = await client.post('/api/me/erasure-request');
    expect(asked.statusCode).toBe(200);
    expect(
      asked
        .json()
        .organisations.map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual(['Eerste', 'Tweede']);
    expect(await auditActions(t.ctx, first)).toContain('person.erasure_requested');
    expect(await auditActions(t.ctx, second)).toContain('person.erasure_requested');
    expect((await client.get('/api/me')).statusCode).toBe(200);
    await t.close();
  });
});
