import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeAt } from '../../src/modules/factors/totp-code.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { SoftAuthenticator } from '../helpers/soft-authenticator.ts';

const ORIGIN = 'https://kb.example.org';

/** A clock the test moves by hand: TOTP codes are about time steps of 30 seconds. */
const clock = {
  at: new Date('2026-12-06T10:00:05.000Z'),
  now() {
    return this.at;
  },
};
const advance = (seconds: number) => {
  clock.at = new Date(clock.at.getTime() + seconds * 1000);
};

/** Sets up the authenticator app for a signed-in client; returns the secret and the recovery codes. */
async function setUpApp(client: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await client.post('/api/me/factors/authenticator-app');
  expect(setup.statusCode).toBe(200);
  const { secret, uri, qrSvg } = setup.json<{ secret: string; uri: string; qrSvg: string }>();
  expect(uri).toMatch(/^otpauth:\/\/totp\/Kruisbestuiving:/);
  expect(qrSvg).toMatch(/^<svg/);
  const confirmed = await client.post('/api/me/factors/authenticator-app/confirm', { code: codeAt(secret, clock.now()) });
  expect(confirmed.statusCode).toBe(200);
  advance(30); // the code just used is spent: the next sign-in needs the next one
  return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

async function signedIn(t: TestApp, email: string): Promise<Client> {
  const client = new Client(t.app);
  expect((await client.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return client;
}

describeEachDatabase('two factors: authenticator app, recovery codes, passkeys, the organisation’s rule', (dialect) => {
  let t: TestApp;
  let org: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { publicUrl: ORIGIN }, clock);
    org = await makeOrganisation(t.ctx);
  });
  afterAll(() => t.close());

  describe('authenticator app', () => {
    it('is set up with a QR code and a first code, gives 10 different recovery codes once, and is audited', async () => {
      const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const client = await signedIn(t, user.email);
      const setup = (await client.post('/api/me/factors/authenticator-app')).json<{ secret: string }>();
      // Stored sealed: the database alone does not hold the secret the phone got.
      const stored = await t.ctx.db.selectFrom('totp_factors').select('secret').where('user_id', '=', user.id).executeTakeFirstOrThrow();
      expect(stored.secret).toMatch(/^v1\./);
      expect(stored.secret).not.toContain(setup.secret);
      const wrong = await client.post('/api/me/factors/authenticator-app/confirm', { code: '000000' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toContain('Die code klopt niet');
      expect((await client.get('/api/me/factors')).json().authenticatorApp).toBe(false);
      const confirmed = await client.post('/api/me/factors/authenticator-app/confirm', { code: codeAt(setup.secret, clock.now()) });
      const codes = confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes;
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      const factors = (await client.get('/api/me/factors')).json();
      expect(factors).toMatchObject({ authenticatorApp: true, recoveryCodesLeft: 10, passkeys: [], setupRequired: false });
      // A working app is not silently replaced by a new secret.
      expect((await client.post('/api/me/factors/authenticator-app')).statusCode).toBe(409);
      expect(await auditActions(t.ctx, null)).toContain('user.factor_added');
      advance(30);
    });

    it('after the password the person is half signed in: nothing but the second step answers, until the code is given', async () => {
      const user = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
      const { secret } = await setUpApp(await signedIn(t, user.email));
      const client = new Client(t.app);
      const first = await client.login(user.email, TEST_PASSWORD);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ secondFactor: { authenticatorApp: true, passkey: false, recoveryCode: true } });
      expect(client.cookies.has('kb_session')).toBe(false);
      expect(client.cookies.has('kb_pending')).toBe(true);
      const pendingCookie = [first.headers['set-cookie']].flat().find((c) => c?.startsWith('kb_pending='));
      expect(pendingCookie).toMatch(/Path=\/api\/auth/);
      expect(pendingCookie).toMatch(/HttpOnly/);
      for (const url of ['/api/me', '/api/me/factors', `/api/orgs/${org}/members`, `/api/orgs/${org}/audit`]) {
        expect((await client.get(url)).statusCode, url).toBe(401);
      }
      expect((await client.put(`/api/orgs/${org}/two-factor-rule`, { requiredForDataRoles: false })).statusCode).toBe(401);
      const done = await client.post('/api/auth/second-factor/authenticator-app', { code: codeAt(secret, clock.now()) });
      expect(done.statusCode).toBe(200);
      expect(done.json().user.email).toBe(user.email);
      await client.refreshCsrf();
      expect((await client.get('/api/me')).statusCode).toBe(200);
      expect(client.cookies.has('kb_pending')).toBe(false);
      advance(30);
    });

    it('refuses a code that was used before, also within its 30 seconds, and an older code after a newer one', async () => {
      const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const { secret } = await setUpApp(await signedIn(t, user.email));
      const code = codeAt(secret, clock.now());
      const earlier = codeAt(secret, new Date(clock.now().getTime() - 30_000));
      const first = new Client(t.app);
      await first.login(user.email, TEST_PASSWORD);
      expect((await first.post('/api/auth/second-factor/authenticator-app', { code })).statusCode).toBe(200);
      advance(5);
      const second = new Client(t.app);
      await second.login(user.email, TEST_PASSWORD);
      const replay = await second.post('/api/auth/second-factor/authenticator-app', { code });
      expect(replay.statusCode).toBe(401);
      expect(replay.json().error.id).toBe('invalid_credentials');
      expect((await second.post('/api/auth/second-factor/authenticator-app', { code: earlier })).statusCode).toBe(401);
      expect((await second.get('/api/me')).statusCode).toBe(401);
      advance(30);
      expect((await second.post('/api/auth/second-factor/authenticator-app', { code: codeAt(secret, clock.now()) })).statusCode).toBe(200);
      advance(30);
    });

    it('counts wrong codes like wrong passwords: five end the half sign-in and the account then waits', async () => {
      const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const { secret } = await setUpApp(await signedIn(t, user.email));
      const client = new Client(t.app);
      await client.login(user.email, TEST_PASSWORD);
      const right = codeAt(secret, clock.now());
      const wrong = right === '123456' ? '654321' : '123456';
      for (let i = 0; i < 5; i += 1) expect((await client.post('/api/auth/second-factor/authenticator-app', { code: wrong })).statusCode).toBe(401);
      const gone = await client.post('/api/auth/second-factor/authenticator-app', { code: right });
      expect(gone.statusCode).toBe(401);
      expect(gone.json().error.message).toContain('Meld je opnieuw aan');
      expect((await client.login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
      advance(31);
    });
    it('accepting an invitation with the password of an account that has a second factor asks for it too', async () => {
      const admin = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
      const other = await makeOrganisation(t.ctx);
      const otherAdmin = await makeUser(t.ctx, { organisationId: other, role: 'admin' });
      const { secret } = await setUpApp(await signedIn(t, admin.email));
      const { link } = (await (await signedIn(t, otherAdmin.email)).post(`/api/orgs/${other}/invitations`, { email: admin.email, role: 'member' })).json();
      const visitor = new Client(t.app);
      const accepted = await visitor.post('/api/invitations/accept', { token: link.split('#')[1], password: TEST_PASSWORD });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toEqual({ secondFactor: { authenticatorApp: true, passkey: false, recoveryCode: true } });
      expect(visitor.cookies.has('kb_session')).toBe(false);
      expect((await visitor.get('/api/me')).statusCode).toBe(401);
      const done = await visitor.post('/api/auth/second-factor/authenticator-app', { code: codeAt(secret, clock.now()) });
      expect(done.json().organisations.map((o: { id: string }) => o.id)).toContain(other);
      advance(30);
    });
  });

  describe('recovery codes', () => {
    it('each works once, is audited when used, and new ones replace the old', async () => {
      const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const { recoveryCodes } = await setUpApp(await signedIn(t, user.email));
      const [code, other] = recoveryCodes;
      const client = new Client(t.app);
      await client.login(user.email, TEST_PASSWORD);
      const used = await client.post('/api/auth/second-factor/recovery-code', { code: ` ${code?.toUpperCase()} ` });
      expect(used.statusCode).toBe(200);
      await client.refreshCsrf();
      expect((await client.get('/api/me/factors')).json().recoveryCodesLeft).toBe(9);
      expect(await auditActions(t.ctx, null)).toContain('user.recovery_code_used');

      const again = new Client(t.app);
      await again.login(user.email, TEST_PASSWORD);
      const reused = await again.post('/api/auth/second-factor/recovery-code', { code });
      expect(reused.statusCode).toBe(401);
      expect(reused.json().error.message).toBe('Die herstelcode klopt niet of is al gebruikt.');

      const renewed = await client.post('/api/me/factors/recovery-codes');
      expect(renewed.json().recoveryCodes).toHaveLength(10);
      expect((await again.post('/api/auth/second-factor/recovery-code', { code: other })).statusCode).toBe(401);
      expect((await again.post('/api/auth/second-factor/recovery-code', { code: renewed.json().recoveryCodes[0] })).statusCode).toBe(200);
      advance(31);
    });

    it("another person's recovery code does not open this account", async () => {
      const a = await makeUser(t.ctx, { organisationId: org });
      const b = await makeUser(t.ctx, { organisationId: org });
      await setUpApp(await signedIn(t, a.email));
      const { recoveryCodes } = await setUpApp(await signedIn(t, b.email));
      const client = new Client(t.app);
      await client.login(a.email, TEST_PASSWORD);
      expect((await client.post('/api/auth/second-factor/recovery-code', { code: recoveryCodes[0] })).statusCode).toBe(401);
      advance(31);
    });
  });

  describe('passkeys', () => {
    it('are added in Settings, sign in alone (discoverable, no password), and a signed answer works once', async () => {
      const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const client = await signedIn(t, user.email);
      const authenticator = new SoftAuthenticator(ORIGIN, false);
      const options = (await client.post('/api/me/factors/passkeys/options')).json();
      expect(options.rp).toEqual({ name: 'Kruisbestuiving', id: 'kb.example.org' });
      expect(options.authenticatorSelection.residentKey).toBe('required');
      const added = await client.post('/api/me/factors/passkeys', { name: 'Laptop', response: authenticator.register(options) });
      expect(added.statusCode).toBe(200);
      expect(added.json().recoveryCodes).toHaveLength(10);
      expect((await client.get('/api/me/factors')).json().passkeys).toMatchObject([{ name: 'Laptop', lastUsedAt: null }]);

      const visitor = new Client(t.app);
      const challenge = (await visitor.post('/api/auth/passkey/options')).json();
      expect(challenge.allowCredentials).toBeUndefined();
      expect(challenge.userVerification).toBe('required');
      const answer = authenticator.assert(challenge);
      const signed = await visitor.post('/api/auth/passkey', { response: answer });
      expect(signed.statusCode).toBe(200);
      expect(signed.json().user.email).toBe(user.email);
      await visitor.refreshCsrf();
      expect((await visitor.get('/api/me')).statusCode).toBe(200);
      // The same signed answer again: its challenge is spent.
      const replay = await new Client(t.app).post('/api/auth/passkey', { response: answer });
      expect(replay.statusCode).toBe(401);
    });

    it('are a second step after the password, and refuse another person’s key, a forged signature and an unknown key', async () => {
      const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const other = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const mine = new SoftAuthenticator(ORIGIN);
      const theirs = new SoftAuthenticator(ORIGIN);
      for (const [person, authenticator] of [
        [user, mine],
        [other, theirs],
      ] as const) {
        const client = await signedIn(t, person.email);
        const options = (await client.post('/api/me/factors/passkeys/options')).json();
        expect((await client.post('/api/me/factors/passkeys', { name: 'Sleutel', response: authenticator.register(options) })).statusCode).toBe(200);
      }
      const client = new Client(t.app);
      expect((await client.login(user.email, TEST_PASSWORD)).json()).toEqual({ secondFactor: { authenticatorApp: false, passkey: true, recoveryCode: true } });
      const foreign = (await client.post('/api/auth/second-factor/passkey/options')).json();
      expect(foreign.allowCredentials).toHaveLength(1);
      expect((await client.post('/api/auth/second-factor/passkey', { response: theirs.assert(foreign) })).statusCode).toBe(401);
      const forgedOptions = (await client.post('/api/auth/second-factor/passkey/options')).json();
      const forged = mine.assert(forgedOptions);
      forged.response.signature = theirs.assert(forgedOptions).response.signature;
      expect((await client.post('/api/auth/second-factor/passkey', { response: forged })).statusCode).toBe(401);
      const options = (await client.post('/api/auth/second-factor/passkey/options')).json();
      const done = await client.post('/api/auth/second-factor/passkey', { response: mine.assert(options) });
      expect(done.statusCode).toBe(200);
      expect(done.json().user.email).toBe(user.email);

      const unknown = new SoftAuthenticator(ORIGIN);
      unknown.register({ challenge: 'x', user: { id: 'nobody' } });
      const visitor = new Client(t.app);
      const challenge = (await visitor.post('/api/auth/passkey/options')).json();
      expect((await visitor.post('/api/auth/passkey', { response: unknown.assert(challenge) })).statusCode).toBe(401);
    });

    it('a wrong passkey answer counts against the account like a wrong password', async () => {
      const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const key = new SoftAuthenticator(ORIGIN);
      const client = await signedIn(t, user.email);
      await client.post('/api/me/factors/passkeys', {
        name: 'Sleutel',
        response: key.register((await client.post('/api/me/factors/passkeys/options')).json()),
      });
      const visitor = new Client(t.app);
      for (let i = 0; i < 5; i += 1) {
        const options = (await visitor.post('/api/auth/passkey/options')).json();
        const answer = key.assert(options);
        answer.response.signature = key.assert(options).response.signature; // signed over another counter
        expect((await visitor.post('/api/auth/passkey', { response: answer })).statusCode).toBe(401);
      }
      const options = (await visitor.post('/api/auth/passkey/options')).json();
      expect((await visitor.post('/api/auth/passkey', { response: key.assert(options) })).statusCode).toBe(429);
      advance(31);
    });

    it('are removed by their owner only, audited, and with the last factor the recovery codes go too', async () => {
      const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const other = await makeUser(t.ctx, { organisationId: org, role: 'member' });
      const client = await signedIn(t, user.email);
      const key = new SoftAuthenticator(ORIGIN);
      await client.post('/api/me/factors/passkeys', {
        name: 'Sleutel',
        response: key.register((await client.post('/api/me/factors/passkeys/options')).json()),
      });
      const id = (await client.get('/api/me/factors')).json().passkeys[0].id as string;
      expect((await (await signedIn(t, other.email)).delete(`/api/me/factors/passkeys/${id}`)).statusCode).toBe(404);
      const removed = await client.delete(`/api/me/factors/passkeys/${id}`);
      expect(removed.statusCode).toBe(200);
      expect(removed.json()).toMatchObject({ passkeys: [], recoveryCodesLeft: 0 });
      expect(await auditActions(t.ctx, null)).toContain('user.factor_removed');
      expect((await new Client(t.app).login(user.email, TEST_PASSWORD)).json().user.email).toBe(user.email);
    });
  });

  describe('the organisation’s rule for admins and researchers', () => {
    it('sends an admin or researcher without a second factor to set one up before anything else; members are not asked', async () => {
      const ruled = await makeOrganisation(t.ctx);
      const admin = await makeUser(t.ctx, { organisationId: ruled, role: 'admin' });
      const researcher = await makeUser(t.ctx, { organisationId: ruled, role: 'researcher' });
      const member = await makeUser(t.ctx, { organisationId: ruled, role: 'member' });
      const adminClient = await signedIn(t, admin.email);
      const refused = await adminClient.put(`/api/orgs/${ruled}/two-factor-rule`, { requiredForDataRoles: true });
      expect(refused.statusCode).toBe(409);
      await setUpApp(adminClient);
      expect((await adminClient.put(`/api/orgs/${ruled}/two-factor-rule`, { requiredForDataRoles: true })).json()).toEqual({ requiredForDataRoles: true });
      expect(await auditActions(t.ctx, ruled)).toContain('organisation.two_factor_rule_changed');

      const researcherClient = await signedIn(t, researcher.email);
      const blocked = await researcherClient.get(`/api/orgs/${ruled}/rounds`);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.message).toContain('Stel die eerst in');
      expect((await researcherClient.patch('/api/me', { displayName: 'Iemand' })).statusCode).toBe(403);
      expect((await researcherClient.get('/api/me')).statusCode).toBe(200);
      expect((await researcherClient.get('/api/me/factors')).json().setupRequired).toBe(true);
      await setUpApp(researcherClient);
      expect((await researcherClient.get(`/api/orgs/${ruled}/rounds`)).statusCode).toBe(200);

      const memberClient = await signedIn(t, member.email);
      expect((await memberClient.get(`/api/orgs/${ruled}/teams`)).statusCode).toBe(200);
      expect((await memberClient.get('/api/me/factors')).json().setupRequired).toBe(false);
      expect((await memberClient.get(`/api/orgs/${ruled}/two-factor-rule`)).statusCode).toBe(403);
    });
  });
});
