import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

describeEachDatabase('register of processing', (dialect) => {
  let t: TestApp;
  let org: string;
  const admin = () => new Client(t.app, 'nl');
  let adminEmail: string;
  let memberEmail: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Zorg Oost');
    await t.ctx.db.updateTable('organisations').set({ disclosure_threshold: 7 }).where('id', '=', org).execute();
    adminEmail = (await makeUser(t.ctx, { organisationId: org, role: 'admin' })).email;
    memberEmail = (await makeUser(t.ctx, { organisationId: org, role: 'member' })).email;
  });
  afterAll(() => t.close());

  it('is written from the real settings, in Dutch and English, and changes when a setting changes', async () => {
    const client = admin();
    await client.login(adminEmail, TEST_PASSWORD);
    const before = (await client.get(`/api/orgs/${org}/register`)).json();
    expect(before.title).toBe('Register van verwerkingen');
    expect(before.organisation).toBe('Zorg Oost');
    const survey = before.activities.find((a: { key: string }) => a.key === 'survey');
    expect(survey.retention).toBe('Losse antwoorden: 730 dagen na het sluiten van de ronde; daarna blijven alleen de tellingen per tabel.');
    expect(survey.whoSees).toBe(
      'Losse antwoorden (zonder naam): beheerders en onderzoekers. Tabellen: beheerders, onderzoekers, coördinatoren en leden, groepen kleiner dan 7 worden niet getoond.',
    );
    expect(before.activities.map((a: { key: string }) => a.key)).toEqual(['accounts', 'survey', 'stories', 'trajecten', 'signals', 'audit', 'logs']);

    await client.put(`/api/orgs/${org}/retention`, { rawAnswersDays: 400, leaverStoriesDays: 90, sessionsDays: 14, logsDays: 30, auditDays: 365 });
    const after = (await client.get(`/api/orgs/${org}/register?lang=en`)).json();
    expect(after.title).toBe('Register of processing activities');
    const byKey = Object.fromEntries(after.activities.map((a: { key: string; retention: string }) => [a.key, a.retention]));
    expect(byKey.survey).toBe('Single answers: 400 days after the round closes; after that only the counts per table remain.');
    expect(byKey.accounts).toBe('Until the person is erased. Sessions: 14 days after last use.');
    expect(byKey.audit).toBe('365 days.');
    expect(byKey.stories).toBe('Until the author deletes the story. When the author leaves the organisation: 90 days after that.');
  });

  it('downloads as Markdown for the DPO; members may not read it; a wrong language is a 400', async () => {
    const client = admin();
    await client.login(adminEmail, TEST_PASSWORD);
    const file = await client.get(`/api/orgs/${org}/register.md?lang=nl`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="register-van-verwerkingen.md"');
    expect(file.body.startsWith('# Register van verwerkingen — Zorg Oost\n')).toBe(true);
    expect(file.body).toContain('- **Bewaartermijn:** 365 dagen.');
    expect((await client.get(`/api/orgs/${org}/register?lang=fr`)).statusCode).toBe(400);
    const member = new Client(t.app);
    await member.login(memberEmail, TEST_PASSWORD);
    expect((await member.get(`/api/orgs/${org}/register`)).statusCode).toBe(403);
  });
});
