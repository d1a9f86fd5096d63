import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

describeEachDatabase('bad input changes nothing and gets a readable answer', (dialect) => {
  let t: TestApp;
  let org: string;
  let admin: Client;

  const teamCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('teams')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    admin = new Client(t.app);
    await admin.login(user.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('malformed JSON: 400 in Dutch', async () => {
    const response = await admin.request('POST', `/api/orgs/${org}/teams`, '{"name": "Team', {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ id: 'validation_failed', message: 'De gegevens zijn geen geldige JSON.' });
    expect(await teamCount()).toBe(0);
  });

  it('wrong types and unknown fields: 400 naming each field, in English when asked', async () => {
    const english = new Client(t.app, 'en');
    english.cookies.set('kb_session', admin.cookies.get('kb_session') ?? '');
    english.cookies.set('kb_csrf', admin.cookies.get('kb_csrf') ?? '');
    english.csrfToken = admin.csrfToken;
    // The signed-in person's own language (nl) wins over the header.
    const response = await english.post(`/api/orgs/${org}/teams`, { name: 42, colour: 'red' });
    expect(response.statusCode).toBe(400);
    const issues = response.json().error.issues as { path: string; message: string }[];
    expect(issues).toContainEqual({ path: 'name', message: 'Verwacht tekst.' });
    expect(issues.some((i) => i.message.includes('colour'))).toBe(true);
    const anonymous = new Client(t.app, 'en');
    const loginIssue = (await anonymous.post('/api/auth/login', { email: 'not-an-email', password: 'x' })).json().error;
    expect(loginIssue.message).toMatch(/Some of the information/);
    expect(loginIssue.issues).toContainEqual({ path: 'email', message: 'This is not a valid e-mail address.' });
    expect(await teamCount()).toBe(0);
  });

  it('oversized bodies are refused before they are read', async () => {
    const response = await admin.post(`/api/orgs/${org}/teams`, { name: 'x'.repeat(300 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toBe('Wat je stuurde is te groot.');
    expect(await teamCount()).toBe(0);
  });

  it('a non-JSON content type is refused', async () => {
    const response = await admin.request('POST', `/api/orgs/${org}/teams`, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.id).toBe('validation_failed');
  });

  it('an id that is not an id is a 400, not a database error', async () => {
    for (const bad of ["1' OR '1'='1", '..%2f..%2fetc%2fpasswd', 'x'.repeat(150)]) {
      const response = await admin.get(`/api/orgs/${encodeURIComponent(bad)}/teams`);
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toMatch(/select|sqlite|postgres|stack/i);
    }
  });

  it('text is stored as text: markup and SQL in a name come back unchanged and harmless', async () => {
    const name = `"><img src=x onerror=alert(1)> '); drop table teams;--`;
    const created = await admin.post(`/api/orgs/${org}/teams`, { name });
    expect(created.statusCode).toBe(200);
    expect(created.headers['content-type']).toMatch(/application\/json/);
    const teams = (await admin.get(`/api/orgs/${org}/teams`)).json().teams;
    expect(teams.map((team: { name: string }) => team.name)).toContain(name);
  });

  it('unexpected failures answer 500 with a request id and no internals', async () => {
    const broken = await createTestApp(dialect, { logLevel: 'debug' });
    const brokenOrg = await makeOrganisation(broken.ctx);
    const user = await makeUser(broken.ctx, { organisationId: brokenOrg, role: 'admin' });
    const client = new Client(broken.app);
    await client.login(user.email, TEST_PASSWORD);
    await broken.ctx.db.schema.dropTable('team_members').execute();
    const response = await client.get(`/api/orgs/${brokenOrg}/teams`);
    expect(response.statusCode).toBe(500);
    const error = response.json().error;
    expect(error.id).toBe('internal');
    expect(error.requestId).toBe(response.headers['x-request-id']);
    expect(response.body).not.toMatch(/team_members|sqlite|relation|stack|at /i);
    expect(broken.logs.join('')).toContain(error.requestId);
    await broken.close();
  });

  it('every response carries the security headers', async () => {
    for (const url of ['/api/me', '/healthz', '/', '/api/docs']) {
      const response = await admin.get(url);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(String(response.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'|default-src/);
    }
    const csp = String((await admin.get('/api/me')).headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await admin.get('/api/me')).headers['cache-control']).toBe('no-store');
  });

  it('every answer names its request id, refusals and answers nobody routed too', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(String((await admin.get('/healthz')).headers['x-request-id'])).toMatch(uuid);
    const refusals = [
      await t.app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: {} }),
      await t.app.inject({ method: 'GET', url: '/api/me' }),
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual([404, 403, 401]);
    for (const response of refusals) {
      expect(String(response.headers['x-request-id'])).toMatch(uuid);
      expect(response.json().error.requestId).toBe(response.headers['x-request-id']);
    }
  });

  it('health: /healthz says the process is up, /readyz that the database answers', async () => {
    expect((await admin.get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await admin.get('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('serves OpenAPI built from the zod schemas', async () => {
    const doc = (await admin.get('/api/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const createTeam = doc.paths['/api/orgs/{orgId}/teams'].post;
    expect(createTeam.requestBody.content['application/json'].schema.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });
    expect(createTeam.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    for (const route of t.app.apiRoutes) expect(doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()], route.url).toBeDefined();
    expect((await admin.get('/api/docs')).statusCode).toBe(200);
  });
});
