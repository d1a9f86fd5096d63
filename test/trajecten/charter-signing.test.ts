import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

/**
 * Two separate rules, each with its own case: only the newest version can be signed (even when an
 * older one still says what the team agrees now), and the newest version cannot be signed once
 * something changed since it was made.
 */
describeEachDatabase('signing a charter version', (dialect) => {
  let t: TestApp;
  let org: string;
  let member: Client;

  const signatures = (base: string, version: number) => member.get(`${base}/charter/versions/${version}`).then((r) => r.json().signatures);

  async function trajectory(): Promise<string> {
    const team = await makeTeam(t.ctx, org);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    await addToTeam(t.ctx, team, user.id, 'experience_worker');
    member = new Client(t.app);
    await member.login(user.email, TEST_PASSWORD);
    const started = await member.post(`/api/orgs/${org}/trajectories`, { teamId: team, title: 'Samen' });
    expect(started.statusCode, started.body).toBe(200);
    return `/api/orgs/${org}/trajectories/${started.json().id}`;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Zorg West');
  });
  afterAll(() => t.close());

  it('an older version that still matches what was agreed cannot be signed: only the newest', async () => {
    const base = await trajectory();
    expect((await member.post(`${base}/charter/versions`, { language: 'nl' })).json()).toEqual({ version: 1 });
    // Version 2 only changes the language, so version 1 still says what the team agrees now.
    expect((await member.post(`${base}/charter/versions`, { language: 'en' })).json()).toEqual({ version: 2 });
    const older = await member.post(`${base}/charter/versions/1/signatures`);
    expect(older.statusCode, older.body.slice(0, 200)).toBe(409);
    expect(older.json().error.id).toBe('conflict');
    // The charter's own explanation reaches the person, not the general conflict message.
    expect(older.json().error.message).toBe('Je kan alleen de nieuwste versie ondertekenen.');
    expect(await signatures(base, 1)).toEqual([]);
    expect((await member.post(`${base}/charter/versions/2/signatures`)).statusCode).toBe(200);
  });

  it('the newest version, once something changed since it was made, cannot be signed', async () => {
    const base = await trajectory();
    expect((await member.post(`${base}/charter/versions`, {})).json()).toEqual({ version: 1 });
    expect((await member.post(`${base}/agreements`, { topic: 'visie', text: 'Ervaringskennis stuurt mee.' })).statusCode).toBe(200);
    const outdated = await member.post(`${base}/charter/versions/1/signatures`);
    expect(outdated.statusCode, outdated.body.slice(0, 200)).toBe(409);
    expect(outdated.json().error.id).toBe('conflict');
    expect(outdated.json().error.message).toBe('Er is iets veranderd sinds deze versie. Maak eerst een nieuwe versie en onderteken die.');
    expect(await signatures(base, 1)).toEqual([]);
    expect((await member.post(`${base}/charter/versions`, {})).json()).toEqual({ version: 2 });
    expect((await member.post(`${base}/charter/versions/2/signatures`)).statusCode).toBe(200);
  });

  it("a new version that would say the same as the newest is refused with the reason, in the reader's language", async () => {
    const base = await trajectory();
    expect((await member.post(`${base}/charter/versions`, {})).json()).toEqual({ version: 1 });
    const same = await member.post(`${base}/charter/versions`, {});
    expect(same.statusCode).toBe(409);
    expect(same.json().error.message).toBe('Er is niets veranderd sinds de laatste versie. Een nieuwe versie is niet nodig.');
    expect((await member.patch('/api/me', { language: 'en' })).statusCode).toBe(200);
    expect((await member.post(`${base}/charter/versions`, {})).json().error.message).toBe(
      'Nothing has changed since the latest version. A new version is not needed.',
    );
  });
});
