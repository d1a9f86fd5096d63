import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/core/clock.ts';
import { openDatabase } from '../../src/db/database.ts';
import { type App, buildApp } from '../../src/http/app.ts';
import { databaseCounters } from '../../src/modules/limits/counters.ts';
import { Limiter } from '../../src/modules/limits/limiter.ts';
import { sweep } from '../../src/modules/limits/store.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { midMinute } from '../helpers/rate-windows.ts';
import { openRound, postForm } from '../helpers/respondent.ts';

const limits = { guesses: { perScope: 5, global: 8, windowMinutes: 10 } };
/** Limits count in midMinute windows: a midMinute instant keeps a window from ending halfway through a test. */
/** What a client forges, followed by what the proxy in front appends: the address it really saw. */
const rotating = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.9` });

async function researcherOf(t: TestApp) {
  const org = await makeOrganisation(t.ctx);
  const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
  const client = new Client(t.app);
  await client.login(user.email, TEST_PASSWORD);
  return { org, client };
}

const guess = (app: App, token: string, code: string, i: number) =>
  app.inject({
    method: 'POST',
    url: `/r/${token}/resume`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...rotating(i) },
    payload: `code=${code}`,
  });

describeEachDatabase('rate limits behind a proxy', (dialect) => {
  it('TRUST_PROXY=true trusts one hop: rotating X-Forwarded-For does not give more sign-in attempts', async () => {
    const t = await createTestApp(
      dialect,
      {
        trustProxy: loadConfig({ TRUST_PROXY: 'true' }).trustProxy,
        rateLimits: { loginPerMinute: 5, invitePerMinute: 1000, respondentPerMinute: 100_000 },
      },
      midMinute,
    );
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await new Client(t.app).request('POST', '/api/auth/login', { email: `nobody${i}@example.org`, password: 'wrong password' }, rotating(i));
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    await t.close();
  });

  it('a list of proxy addresses: clients behind the proxy keep their own limits', async () => {
    const t = await createTestApp(
      dialect,
      {
        trustProxy: loadConfig({ TRUST_PROXY: '10.0.0.1' }).trustProxy,
        rateLimits: { loginPerMinute: 2, invitePerMinute: 1000, respondentPerMinute: 100_000 },
      },
      midMinute,
    );
    const csrf = await t.app.inject({ method: 'GET', url: '/api/csrf' });
    const cookie = `kb_csrf=${(csrf.cookies as { name: string; value: string }[]).find((c) => c.name === 'kb_csrf')?.value}`;
    const attempt = (client: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.1',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.9.9, ${client}`, cookie, 'x-csrf-token': csrf.json().token },
        payload: JSON.stringify({ email: 'nobody@example.org', password: 'wrong password' }),
      });
    const a = [await attempt('192.0.2.1'), await attempt('192.0.2.1'), await attempt('192.0.2.1')].map((r) => r.statusCode);
    expect(a).toEqual([401, 401, 429]);
    expect((await attempt('192.0.2.2')).statusCode).not.toBe(429);
    await t.close();
  });
});

describeEachDatabase('sign-in throttle per account', (dialect) => {
  let t: TestApp;
  let now = new Date('2027-03-01T09:00:00Z');
  const clock: Clock = { now: () => now };
  const later = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, clock);
  });
  afterAll(() => t.close());

  it('after five wrong passwords the account waits, longer each time, but never more than 30 seconds', async () => {
    const org = await makeOrganisation(t.ctx);
    const { email } = await makeUser(t.ctx, { organisationId: org });
    const login = (password: string, i: number) => new Client(t.app).request('POST', '/api/auth/login', { email, password }, rotating(i));
    for (let i = 0; i < 5; i++) expect((await login('wrong password', i)).statusCode).toBe(401);
    const blocked = await login(TEST_PASSWORD, 5);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toContain('Te veel pogingen');
    later(1);
    expect((await login('wrong password', 6)).statusCode).toBe(401);
    later(1);
    // Two seconds after the sixth failure: still waiting (the wait doubled).
    expect((await login(TEST_PASSWORD, 7)).statusCode).toBe(429);
    for (let i = 0; i < 40; i++) {
      later(31);
      expect((await login('wrong password', 8 + i)).statusCode).toBe(401);
    }
    later(30);
    expect((await login(TEST_PASSWORD, 99)).statusCode).toBe(200);
    // Success clears the count: one wrong password is just a wrong password again.
    expect((await login('wrong password', 100)).statusCode).toBe(401);
    expect((await login(TEST_PASSWORD, 101)).statusCode).toBe(200);
  });

  it('stores no e-mail address in the throttle', async () => {
    const rows = JSON.stringify(await t.ctx.db.selectFrom('sign_in_throttle').selectAll().execute());
    expect(rows).not.toContain('@example.org');
  });

  it('the sweep removes past counters and forgotten failures, and keeps live ones', async () => {
    await new Client(t.app).request('POST', '/api/auth/login', { email: 'someone@example.org', password: 'wrong password' }, rotating(1));
    const count = async () => ({
      counters: (await t.ctx.db.selectFrom('rate_limit_counters').select('key').execute()).length,
      failures: (await t.ctx.db.selectFrom('sign_in_throttle').select('key').execute()).length,
    });
    await sweep(t.ctx.db, now.getTime(), now.getTime() - 15 * 60_000);
    expect((await count()).counters).toBeGreaterThan(0);
    expect((await count()).failures).toBe(1);
    await sweep(t.ctx.db, now.getTime() + 16 * 60_000, now.getTime() + 60_000);
    expect(await count()).toEqual({ counters: 0, failures: 0 });
  });
});

describeEachDatabase('guesses of resume codes and invitations', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let org: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, limits, midMinute);
    ({ org, client: admin } = await researcherOf(t));
  });
  afterAll(() => t.close());

  it('per round: after five guesses even the right code waits; another round is not affected', async () => {
    const { token } = await openRound(admin, org);
    const other = await openRound(admin, org);
    const welcome = await t.app.inject({ method: 'GET', url: `/r/${token}` });
    const responseId = /name="responseId" value="([0-9a-f-]{36})"/.exec(welcome.body)?.[1] ?? '';
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    const start = await postForm(t.app, `/r/${token}/start`, { responseId, consentVersion, consent: 'yes' });
    const cookie = [start.headers['set-cookie']]
      .flat()
      .filter(Boolean)
      .map((c) => String(c).split(';')[0])
      .join('; ');
    const saved = await t.app.inject({
      method: 'POST',
      url: `/r/${token}/${responseId}/1`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: '_action=later',
    });
    const code = /class="code">([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(saved.body)?.[1] ?? '';
    for (let i = 0; i < 5; i++) expect((await guess(t.app, token, 'AAAA-AAAA', i)).statusCode).toBe(400);
    const refused = await guess(t.app, token, code, 6);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(refused.body).toContain('Te veel pogingen');
    expect((await guess(t.app, other.token, 'AAAA-AAAA', 7)).statusCode).toBe(400);
  });

  it('globally: wrong guesses spread over many rounds stop too', async () => {
    const fresh = await createTestApp(dialect, limits, midMinute);
    const { org: freshOrg, client } = await researcherOf(fresh);
    const rounds = [];
    for (let i = 0; i < 4; i++) rounds.push(await openRound(client, freshOrg));
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await guess(fresh.app, rounds[i % 4]?.token ?? '', 'BBBB-BBBB', i)).statusCode);
    // At most three wrong guesses per round, so no round reaches its own limit (5): the global one (8) stops them.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 429, 429]);
    await fresh.close();
  });
});

describeEachDatabase('invitation guesses', (dialect) => {
  it('stop after the global limit, whatever address they come from', async () => {
    const t = await createTestApp(dialect, limits, midMinute);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await new Client(t.app).request('POST', '/api/invitations/lookup', { token: 'x'.repeat(43) }, rotating(i))).statusCode);
    }
    expect(statuses.filter((s) => s === 429).length).toBe(2);
    await t.close();
  });
});

describeEachDatabase('two app processes on one database', (dialect) => {
  it('share one limit', async () => {
    const { handle, testDb, close } = await openTestDatabase(dialect);
    const second = openDatabase(testDb.database);
    const quiet = { stream: new Writable({ write: (_c, _e, done) => done() }) };
    const config = {
      ...loadConfig({}),
      ...limits,
      rateLimits: { loginPerMinute: 3, invitePerMinute: 1000, respondentPerMinute: 100_000 },
      database: testDb.database,
    };
    const a = await buildApp({ config, database: handle, logger: quiet, clock: midMinute });
    const b = await buildApp({ config, database: second, logger: quiet, clock: midMinute });
    const t = { app: a, ctx: a.services } as TestApp;
    const { org, client } = await researcherOf(t);
    const { token } = await openRound(client, org);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guess(i % 2 === 0 ? a : b, token, 'CCCC-CCCC', i)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    // A route's own limit (sign-in: 3 a minute here) is shared as well; the researcher's sign-in was the first.
    const logins: number[] = [];
    for (let i = 0; i < 4; i++) {
      logins.push(
        (await new Client(i % 2 === 0 ? a : b).request('POST', '/api/auth/login', { email: `x${i}@example.org`, password: 'wrong password' })).statusCode,
      );
    }
    expect(logins).toEqual([401, 401, 429, 429]);
    await a.close();
    await b.close();
    await second.close();
    await close();
  });
});

describeEachDatabase('with REDIS_URL', (dialect) => {
  it('two processes share their limits in Redis, and the database keeps no counter', async () => {
    const { handle, testDb, close } = await openTestDatabase(dialect);
    const second = openDatabase(testDb.database);
    const quiet = { stream: new Writable({ write: (_c, _e, done) => done() }) };
    const keyPrefix = `kb-test:${crypto.randomUUID()}:`;
    const config = {
      ...loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: keyPrefix }),
      ...limits,
      database: testDb.database,
    };
    const a = await buildApp({ config, database: handle, logger: quiet, clock: midMinute });
    const b = await buildApp({ config, database: second, logger: quiet, clock: midMinute });
    const { org, client } = await researcherOf({ app: a, ctx: a.services } as TestApp);
    const { token } = await openRound(client, org);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guess(i % 2 === 0 ? a : b, token, 'DDDD-DDDD', i)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect(await handle.db.selectFrom('rate_limit_counters').selectAll().execute()).toEqual([]);
    await a.close();
    await b.close();
    await second.close();
    await close();
  });
});

describeEachDatabase('anonymous limiter keys', (dialect) => {
  it("are a keyed hash of the address that changes every day; yesterday's secret is deleted", async () => {
    const { handle, close } = await openTestDatabase(dialect);
    let now = new Date('2027-03-01T23:59:00Z');
    const limiter = new Limiter({ db: handle.db, clock: { now: () => now } }, limits.guesses, databaseCounters(handle.db));
    const first = await limiter.clientKey('203.0.113.5');
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await limiter.clientKey('203.0.113.5')).toBe(first);
    expect(await limiter.clientKey('203.0.113.6')).not.toBe(first);
    now = new Date('2027-03-02T00:01:00Z');
    expect(await limiter.clientKey('203.0.113.5')).not.toBe(first);
    expect((await handle.db.selectFrom('limiter_secrets').select('day').execute()).map((r) => r.day)).toEqual(['2027-03-02']);
    await close();
  });
});
