import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { resetRequestsSettled } from '../../src/modules/accounts/self-service-routes.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { midMinute } from '../helpers/rate-windows.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

const NEW_PASSWORD = 'een heel nieuw wachtwoord';
const linkIn = (text: string) => /https?:\/\/\S+\/reset-password#([A-Za-z0-9_-]{43})/.exec(text);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describeEachDatabase('"forgot password" by e-mail', (dialect) => {
  let smtp: TestSmtp;
  let t: TestApp;
  let now: Date;
  let org: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    now = new Date('2026-03-02T10:00:00Z');
    t = await createTestApp(dialect, { mail: { smtpUrl: smtp.url, from: 'noreply@kruisbestuiving.test', pollMs: 50, firstRetryMs: 100 } }, { now: () => now });
    org = await makeOrganisation(t.ctx);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    now = new Date(now.getTime() + 2 * 60 * 60_000);
  });

  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  async function waitForMailTo(address: string, count = 1) {
    await expect.poll(() => mailsTo(address).length, { timeout: 10_000 }).toBe(count);
    return mailsTo(address)[count - 1];
  }

  it('mails a link that works once, in the person’s language, and ends their sessions when used', async () => {
    const user = await makeUser(t.ctx, { organisationId: org, language: 'en' });
    const signedIn = new Client(t.app);
    await signedIn.login(user.email, TEST_PASSWORD);
    expect((await new Client(t.app).get('/api/auth/password-reset')).json()).toEqual({ byMail: true });

    const asked = await new Client(t.app).post('/api/auth/forgot-password', { email: user.email.toUpperCase() });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({ ok: true });
    const mail = await waitForMailTo(user.email);
    expect(mail?.subject).toBe('Choose a new password for Kruisbestuiving');
    expect(mail?.text).toContain('The link works once, for one hour.');
    expect(mail?.text).toContain('Did you not ask for this? Then you need not do anything: your password stays the same.');
    const token = linkIn(mail?.text ?? '')?.[1] ?? '';
    expect(token).toHaveLength(43);

    const visitor = new Client(t.app);
    expect((await visitor.post('/api/auth/reset-password', { token, newPassword: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await signedIn.get('/api/me')).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/auth/login', { email: user.email, password: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await visitor.post('/api/auth/reset-password', { token, newPassword: 'nog een ander wachtwoord' })).statusCode).toBe(404);
    const audit = await t.ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']));
  });

  it('a mailed link no longer works after an hour', async () => {
    const user = await makeUser(t.ctx, { organisationId: org });
    await new Client(t.app).post('/api/auth/forgot-password', { email: user.email });
    const mail = await waitForMailTo(user.email);
    expect(mail?.subject).toBe('Kies een nieuw wachtwoord voor Kruisbestuiving');
    const token = linkIn(mail?.text ?? '')?.[1] ?? '';
    now = new Date(now.getTime() + 60 * 60_000 + 1000);
    const late = await new Client(t.app).post('/api/auth/reset-password', { token, newPassword: NEW_PASSWORD });
    expect(late.statusCode).toBe(404);
    expect((await new Client(t.app).post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('answers an unknown address exactly as a known one, in similar time, and sends or records nothing for it', async () => {
    const user = await makeUser(t.ctx, { organisationId: org });
    const unknown = 'niemand-bekend@example.org';
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await new Client(t.app).request('POST', '/api/auth/forgot-password', { email }, {});
      return { ms: performance.now() - started, status: response.statusCode, body: response.body };
    };
    // Warm up (the CSRF token, the limiter's secret), then alternate.
    await timed('warm-up@example.org');
    const known: number[] = [];
    const notKnown: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await timed(user.email);
      const b = await timed(unknown);
      expect([a.status, a.body]).toEqual([200, '{"ok":true}']);
      expect([b.status, b.body]).toEqual([200, '{"ok":true}']);
      known.push(a.ms);
      notKnown.push(b.ms);
    }
    // The address is looked up only after the answer left: neither path waits for the database work.
    // (Generous: on a busy test machine single requests vary by tens of milliseconds either way.)
    expect(Math.abs(median(known) - median(notKnown))).toBeLessThan(250);
    await resetRequestsSettled(t.app);
    // Three mails: the fourth and fifth request within the hour get the same answer and no mail.
    await waitForMailTo(user.email, 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(unknown)).toEqual([]);
    const audit = await t.ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'user.password_reset_requested').execute();
    expect(audit.map((a) => a.details).join()).not.toContain(unknown);
  });

  it('sends at most three reset mails to one address in an hour, with the same answer every time', async () => {
    const user = await makeUser(t.ctx, { organisationId: org });
    for (let i = 0; i < 5; i++) expect((await new Client(t.app).post('/api/auth/forgot-password', { email: user.email })).json()).toEqual({ ok: true });
    await resetRequestsSettled(t.app);
    await waitForMailTo(user.email, 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(user.email)).toHaveLength(3);
  });

  it('an admin’s reset goes by mail: the admin sees neither link nor password', async () => {
    const admin = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    const member = await makeUser(t.ctx, { organisationId: org });
    const client = new Client(t.app);
    await client.login(admin.email, TEST_PASSWORD);
    const started = await client.post(`/api/orgs/${org}/members/${member.id}/password-reset`);
    expect(started.statusCode).toBe(200);
    expect(started.json()).toEqual({ sent: true });
    const mail = await waitForMailTo(member.email);
    expect(mail?.text).toContain('De beheerder van je organisatie vraagt je om een nieuw wachtwoord te kiezen voor Kruisbestuiving.');
    expect(linkIn(mail?.text ?? '')).not.toBeNull();
    expect(mailsTo(admin.email)).toEqual([]);
  });
});

describeEachDatabase('rate limit of "forgot password"', (dialect) => {
  it('answers 429 past the sign-in limit per minute', async () => {
    const smtp = await startTestSmtp();
    const t = await createTestApp(
      dialect,
      {
        rateLimits: { loginPerMinute: 3, invitePerMinute: 1000, respondentPerMinute: 1000 },
        mail: { smtpUrl: smtp.url, from: 'noreply@kruisbestuiving.test', pollMs: 50, firstRetryMs: 100 },
      },
      midMinute,
    );
    const client = new Client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.post('/api/auth/forgot-password', { email: `iemand${i}@example.org` })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    await t.close();
    await smtp.close();
  });
});
