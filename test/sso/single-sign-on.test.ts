import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { forgetProviderConfigurations } from '../../src/modules/sso/oidc-client.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { CLIENT_ID, CLIENT_SECRET, OTHER_CLIENT_ID, signInAtProvider, startTestProvider, type TestProvider } from '../helpers/oidc-provider.ts';

const PUBLIC_URL = 'http://kb.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/sso/callback`;

describeEachDatabase('single sign-on through a real OpenID provider', (dialect) => {
  let t: TestApp;
  let provider: TestProvider;
  let org: string;
  let admin: Client;

  const settings = (linkMode: 'first_sign_in' | 'invitation', extra: Record<string, unknown> = {}) => ({
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    domains: ['zorg.example'],
    linkMode,
    enabled: true,
    ...extra,
  });

  /** Starts at the platform, signs in at the provider as `login`, and comes back: the platform's answer. */
  async function ssoSignIn(browser: Client, email: string, options: { login?: string; cancel?: boolean; changeUrl?: (url: URL) => void } = {}) {
    const started = await browser.post('/api/auth/sso/start', { email });
    expect(started.statusCode, started.body).toBe(200);
    const authorization = new URL(started.json<{ redirectUrl: string }>().redirectUrl);
    options.changeUrl?.(authorization);
    const back = await signInAtProvider(authorization.href, options.login ?? email, options.cancel ? { cancel: true } : {});
    expect(back.origin).toBe(PUBLIC_URL);
    const callback = `${back.pathname}${back.search}`;
    const answer = await browser.get(callback);
    expect(answer.statusCode).toBe(303);
    return { location: answer.headers.location, callback };
  }

  /** Why the last refusal happened, as the audit trail keeps it. */
  const lastRefusal = async () => {
    const row = await t.ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'sso.refused')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return JSON.parse(row.details) as { failure: string; reason?: string };
  };
  const me = (browser: Client) => browser.get('/api/me');
  const userCount = async (email: string) => (await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).execute()).length;

  beforeAll(async () => {
    forgetProviderConfigurations();
    t = await createTestApp(dialect, { publicUrl: PUBLIC_URL });
    provider = await startTestProvider(REDIRECT_URI);
    org = await makeOrganisation(t.ctx);
    const adminUser = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    admin = new Client(t.app);
    await admin.login(adminUser.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await provider?.close();
    await t?.close();
  });
  beforeEach(async () => {
    provider.tamper.idTokenAudience = undefined;
    const saved = await admin.put(`/api/orgs/${org}/sso`, settings('first_sign_in'));
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it('a good sign-in creates and links an account as member, and the next sign-in finds it again', async () => {
    const browser = new Client(t.app);
    const { location } = await ssoSignIn(browser, 'anna@zorg.example');
    expect(location).toBe('/');
    const view = (await me(browser)).json<{ user: { email: string; displayName: string }; organisations: { id: string; role: string }[] }>();
    expect(view.user.email).toBe('anna@zorg.example');
    expect(view.user.displayName).toBe('Persoon anna');
    expect(view.organisations).toEqual([expect.objectContaining({ id: org, role: 'member' })]);
    const again = new Client(t.app);
    expect((await ssoSignIn(again, 'anna@zorg.example')).location).toBe('/');
    expect((await me(again)).statusCode).toBe(200);
    expect(await userCount('anna@zorg.example')).toBe(1);
    const actions = (await t.ctx.db.selectFrom('audit_events').select(['action', 'details']).orderBy('seq').execute()).map((r) => r.action);
    expect(actions.filter((a) => a === 'sso.linked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'user.login').length).toBeGreaterThanOrEqual(2);
  });

  it('roles stay the platform’s: an existing researcher signs in as researcher', async () => {
    const researcher = await makeUser(t.ctx, { organisationId: org, role: 'researcher', email: 'rik@zorg.example' });
    const browser = new Client(t.app);
    expect((await ssoSignIn(browser, researcher.email)).location).toBe('/');
    const view = (await me(browser)).json<{ user: { id: string }; organisations: { role: string }[] }>();
    expect(view.user.id).toBe(researcher.id);
    expect(view.organisations.map((o) => o.role)).toEqual(['researcher']);
  });

  it('a refused login at the provider (access_denied) goes to the login page with the reason, signed out', async () => {
    const browser = new Client(t.app);
    const { location } = await ssoSignIn(browser, 'bas@zorg.example', { cancel: true });
    expect(location).toBe('/login?sso=denied');
    expect(await lastRefusal()).toEqual({ failure: 'denied', reason: 'access_denied' });
    expect((await me(browser)).statusCode).toBe(401);
  });

  it('an ID token for another client (wrong audience) is refused', async () => {
    provider.tamper.idTokenAudience = OTHER_CLIENT_ID;
    const browser = new Client(t.app);
    const { location } = await ssoSignIn(browser, 'cor@zorg.example');
    expect(location).toBe('/login?sso=failed');
    expect((await me(browser)).statusCode).toBe(401);
    expect(await userCount('cor@zorg.example')).toBe(0);
    expect(await lastRefusal()).toEqual({ failure: 'failed', reason: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED:aud' });
  });

  it('a state works once: the same answer again is refused', async () => {
    const browser = new Client(t.app);
    const { location, callback } = await ssoSignIn(browser, 'dirk@zorg.example');
    expect(location).toBe('/');
    const thief = new Client(t.app);
    const replay = await thief.get(callback);
    expect(replay.headers.location).toBe('/login?sso=expired');
    expect(await lastRefusal()).toEqual({ failure: 'expired', reason: 'unknown_state' });
    expect((await me(thief)).statusCode).toBe(401);
  });

  it('an answer that reaches another browser than the one that started is refused (login CSRF)', async () => {
    const started = await new Client(t.app).post('/api/auth/sso/start', { email: 'eva@zorg.example' });
    const back = await signInAtProvider(started.json<{ redirectUrl: string }>().redirectUrl, 'eva@zorg.example');
    const victim = new Client(t.app);
    const answer = await victim.get(`${back.pathname}${back.search}`);
    expect(answer.headers.location).toBe('/login?sso=expired');
    expect(await lastRefusal()).toEqual({ failure: 'expired', reason: 'other_browser' });
    expect((await me(victim)).statusCode).toBe(401);
  });

  it('a nonce other than the one sent is refused', async () => {
    const browser = new Client(t.app);
    const { location } = await ssoSignIn(browser, 'fien@zorg.example', {
      changeUrl: (url) => url.searchParams.set('nonce', 'a-nonce-the-platform-never-sent'),
    });
    expect(location).toBe('/login?sso=failed');
    expect(await userCount('fien@zorg.example')).toBe(0);
    expect(await lastRefusal()).toEqual({ failure: 'failed', reason: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED:nonce' });
  });

  it('an e-mail address the provider did not verify does not link', async () => {
    const browser = new Client(t.app);
    const { location } = await ssoSignIn(browser, 'unverified-gijs@zorg.example');
    expect(location).toBe('/login?sso=unverified');
    expect(await userCount('unverified-gijs@zorg.example')).toBe(0);
  });

  it('an address outside the organisation’s domains does not link, even when verified', async () => {
    const existing = await makeUser(t.ctx, { email: 'hans@elders.example' });
    const browser = new Client(t.app);
    const { location } = await ssoSignIn(browser, 'hanna@zorg.example', { login: existing.email });
    expect(location).toBe('/login?sso=wrong_domain');
    expect((await me(browser)).statusCode).toBe(401);
  });

  it('"only by invitation" refuses an unknown person and lets a member in', async () => {
    expect((await admin.put(`/api/orgs/${org}/sso`, settings('invitation'))).statusCode).toBe(200);
    const stranger = new Client(t.app);
    expect((await ssoSignIn(stranger, 'ivo@zorg.example')).location).toBe('/login?sso=not_invited');
    expect(await userCount('ivo@zorg.example')).toBe(0);
    const member = await makeUser(t.ctx, { organisationId: org, role: 'member', email: 'jet@zorg.example' });
    const browser = new Client(t.app);
    expect((await ssoSignIn(browser, member.email)).location).toBe('/');
    expect((await me(browser)).json<{ user: { id: string } }>().user.id).toBe(member.id);
  });

  it('"only by invitation": an open invitation is redeemed by signing in through the provider, with the invitation’s role', async () => {
    expect((await admin.put(`/api/orgs/${org}/sso`, settings('invitation'))).statusCode).toBe(200);
    const invited = await admin.post(`/api/orgs/${org}/invitations`, { email: 'olga@zorg.example', role: 'researcher' });
    expect(invited.statusCode).toBe(200);
    const browser = new Client(t.app);
    expect((await ssoSignIn(browser, 'olga@zorg.example')).location).toBe('/');
    const view = (await me(browser)).json<{ user: { email: string }; organisations: { id: string; role: string }[] }>();
    expect(view.organisations).toEqual([expect.objectContaining({ id: org, role: 'researcher' })]);
    const invitations = (await admin.get(`/api/orgs/${org}/invitations`)).json<{ invitations: { email: string; status: string }[] }>().invitations;
    expect(invitations.find((i) => i.email === 'olga@zorg.example')?.status).toBe('accepted');
  });

  it('a closed (disabled) account is not signed in through the provider', async () => {
    const closed = await makeUser(t.ctx, { organisationId: org, email: 'mo@zorg.example' });
    await t.ctx.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', closed.id).execute();
    const browser = new Client(t.app);
    expect((await ssoSignIn(browser, closed.email)).location).toBe('/login?sso=disabled');
    expect((await me(browser)).statusCode).toBe(401);
  });

  it('the client secret is stored sealed and never returned; leaving it out keeps it', async () => {
    const view = await admin.get(`/api/orgs/${org}/sso`);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain(CLIENT_SECRET);
    expect(view.json()).toMatchObject({ secretStored: true, redirectUri: REDIRECT_URI, domains: ['zorg.example'] });
    const row = await t.ctx.db.selectFrom('sso_connections').selectAll().where('organisation_id', '=', org).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(CLIENT_SECRET);
    const { clientSecret: _left, ...withoutSecret } = settings('first_sign_in');
    expect((await admin.put(`/api/orgs/${org}/sso`, withoutSecret)).statusCode).toBe(200);
    expect((await ssoSignIn(new Client(t.app), 'kees@zorg.example')).location).toBe('/');
    const audit = await t.ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'sso.configured').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(CLIENT_SECRET);
  });

  it('an address whose domain has no single sign-on gets a clear answer; a domain of another organisation is refused', async () => {
    const answer = await new Client(t.app).post('/api/auth/sso/start', { email: 'lot@nergens.example' });
    expect(answer.statusCode).toBe(404);
    expect(answer.json<{ error: { message: string } }>().error.message).toBe(
      'Voor dit e-mailadres is aanmelden via je organisatie niet ingesteld. Meld je aan met je wachtwoord.',
    );
    const other = await makeOrganisation(t.ctx);
    const otherAdmin = await makeUser(t.ctx, { organisationId: other, role: 'admin' });
    const client = new Client(t.app);
    await client.login(otherAdmin.email, TEST_PASSWORD);
    const taken = await client.put(`/api/orgs/${other}/sso`, settings('first_sign_in'));
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('zorg.example');
  });
});
