import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { openRound, postForm } from '../helpers/respondent.ts';

/** Issue 12.7: a request's Host header never ends up in an invitation, round or resume link. */
describeEachDatabase('links use the configured public address, never a Host header', (dialect) => {
  let t: TestApp;
  let org: string;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect, { publicUrl: undefined, allowedHosts: ['kb.example.org'] });
    org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    admin = new Client(t.app);
    await admin.login(user.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const evil = { host: 'evil.example' };

  it('refuses to make an invitation link for a foreign Host, in the person’s language', async () => {
    const response = await admin.request('POST', `/api/orgs/${org}/invitations`, { email: 'a@example.org', role: 'member' }, evil);
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('evil.example');
    expect(response.json().error.message).toContain('PUBLIC_URL');
    expect(await t.ctx.db.selectFrom('invitations').select('id').execute()).toEqual([]);
  });

  it('shows no round link for a foreign Host; a configured or local host works', async () => {
    const { round } = await openRound(admin, org);
    const foreign = await admin.request('GET', `/api/orgs/${org}/rounds/${round.id}`, undefined, evil);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).not.toContain('evil.example');
    const configured = await admin.request('GET', `/api/orgs/${org}/rounds/${round.id}`, undefined, { host: 'kb.example.org' });
    expect(configured.json().links[0].url).toMatch(/^http:\/\/kb\.example\.org\/r\//);
    const local = await admin.request('GET', `/api/orgs/${org}/rounds/${round.id}`, undefined, { host: 'localhost:3000' });
    expect(local.json().links[0].url).toMatch(/^http:\/\/localhost:3000\/r\//);
  });

  it('the resume page of a respondent names no foreign host', async () => {
    const { token } = await openRound(admin, org);
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
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'evil.example', cookie },
      payload: '_action=later',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toMatch(/class="code">[A-Z0-9]{4}-[A-Z0-9]{4}</);
    expect(saved.body).not.toContain('evil.example');
  });
});

describeEachDatabase('with PUBLIC_URL set', (dialect) => {
  it('every link starts with it, whatever the Host header says', async () => {
    const t = await createTestApp(dialect, { publicUrl: 'https://kruisbestuiving.example.be' });
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    const admin = new Client(t.app);
    await admin.login(user.email, TEST_PASSWORD);
    const response = await admin.request('POST', `/api/orgs/${org}/invitations`, { email: 'b@example.org', role: 'member' }, { host: 'evil.example' });
    expect(response.statusCode).toBe(200);
    expect(response.json().link).toMatch(/^https:\/\/kruisbestuiving\.example\.be\/invite#/);
    await t.close();
  });
});
