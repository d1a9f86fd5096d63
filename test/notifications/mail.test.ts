import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendDigests } from '../../src/modules/notifications/digest-service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

const PUBLIC_URL = 'https://kruisbestuiving.test';

describeEachDatabase('notifications by e-mail: right away, in a digest, or never; in the person’s language, with a link, nothing sensitive', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = { current: new Date('2027-03-01T09:00:00.000Z'), now: () => new Date(clock.current) };
  let org: string;
  let team: string;
  const people: Record<string, { id: string; email: string; client: Client }> = {};

  const person = async (name: string, language: 'nl' | 'en', email: 'immediate' | 'daily' | 'weekly' | 'never' | null) => {
    const user = await makeUser(t.ctx, { organisationId: org, role: 'member', language, email: `${name}@example.org` });
    await addToTeam(t.ctx, team, user.id, 'practitioner');
    const client = new Client(t.app, language);
    await client.login(user.email, TEST_PASSWORD);
    if (email) expect((await client.put('/api/me/notification-preferences', { email })).statusCode).toBe(200);
    people[name] = { id: user.id, email: user.email, client };
  };
  /** A new trajectory of the team and its first charter version, made by `maker`: everyone else in the team is asked to sign. */
  const newCharter = async (title: string) => {
    const maker = people.maker as { client: Client };
    const trajectory = (await maker.client.post(`/api/orgs/${org}/trajectories`, { teamId: team, title })).json<{ id: string }>();
    expect((await maker.client.post(`/api/orgs/${org}/trajectories/${trajectory.id}/charter/versions`, {})).statusCode).toBe(200);
    return trajectory.id;
  };
  const arrivedFor = (name: string) => smtp.received.filter((m) => m.to.includes(`${name}@example.org`));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(
      dialect,
      { publicUrl: PUBLIC_URL, mail: { smtpUrl: smtp.url, from: 'noreply@kruisbestuiving.test', pollMs: 50, firstRetryMs: 100 } },
      clock,
    );
    org = await makeOrganisation(t.ctx);
    team = await makeTeam(t.ctx, org, 'Herstel');
    await person('maker', 'nl', null);
    await person('direct', 'nl', 'immediate');
    await person('direct-en', 'en', 'immediate');
    await person('daily', 'nl', null);
    await person('weekly', 'nl', 'weekly');
    await person('never', 'nl', 'never');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('right away: a charter to sign arrives once, in the person’s language, with the link and without the trajectory’s title', async () => {
    const trajectory = await newCharter('Geheim traject over Jan');
    await smtp.waitFor(2);
    const [nl] = arrivedFor('direct');
    expect(arrivedFor('direct')).toHaveLength(1);
    expect(nl?.subject).toBe('Er wacht iets op je in Kruisbestuiving');
    expect(nl?.text).toContain('Er is een nieuwe versie (versie 1) van jullie samenwerkingskader. Lees en onderteken hem.');
    expect(nl?.text).toContain(`${PUBLIC_URL}/o/${org}/trajecten/${trajectory}/kader/1`);
    expect(nl?.text).not.toContain('Geheim traject');
    expect(nl?.text).not.toContain('Jan');
    const [en] = arrivedFor('direct-en');
    expect(en?.subject).toBe('Something waits for you in Kruisbestuiving');
    expect(en?.text).toContain("There is a new version (version 1) of your team's collaboration charter. Read and sign it.");
    // Those who want a digest or nothing got nothing yet; the maker is not told about their own version.
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(['direct-en@example.org', 'direct@example.org']);
  });

  it('a digest: one mail with how many are new, once a day (or week); never means never', async () => {
    const before = smtp.received.length;
    expect(await sendDigests(t.ctx)).toEqual({ sent: 2 });
    await smtp.waitFor(before + 2);
    const [daily] = arrivedFor('daily');
    expect(daily?.subject).toBe('Nieuwe meldingen in Kruisbestuiving');
    expect(daily?.text).toContain('Er is 1 nieuwe melding voor je in Kruisbestuiving.');
    expect(daily?.text).toContain('Je krijgt dit overzicht één keer per dag.');
    expect(daily?.text).toContain(`${PUBLIC_URL}/o/${org}/meldingen`);
    expect(arrivedFor('weekly')[0]?.text).toContain('Je krijgt dit overzicht één keer per week.');
    expect(arrivedFor('never')).toEqual([]);
    expect(arrivedFor('maker')).toEqual([]);

    // Nothing new: no second digest. Something new the same day: it waits for tomorrow's.
    expect(await sendDigests(t.ctx)).toEqual({ sent: 0 });
    await newCharter('Tweede traject');
    expect(await sendDigests(t.ctx)).toEqual({ sent: 0 });
    clock.current = new Date('2027-03-02T09:00:00.000Z');
    await people.daily?.client.get('/api/me');
    expect(await sendDigests(t.ctx)).toEqual({ sent: 1 });
    clock.current = new Date('2027-03-08T09:00:00.000Z');
    expect(await sendDigests(t.ctx)).toEqual({ sent: 1 });
    // Two digests, two mails right away for the second charter, two more digests.
    await smtp.waitFor(before + 6);
    expect(arrivedFor('daily')).toHaveLength(2);
    expect(arrivedFor('weekly')).toHaveLength(2);
    expect(arrivedFor('never')).toEqual([]);
  });

  it('a notification read in the app before the digest is not mailed', async () => {
    clock.current = new Date('2027-03-20T09:00:00.000Z');
    const before = smtp.received.length;
    const maker = new Client(t.app);
    await maker.login('maker@example.org', TEST_PASSWORD);
    people.maker = { ...(people.maker as { id: string; email: string }), client: maker };
    const daily = new Client(t.app);
    await daily.login('daily@example.org', TEST_PASSWORD);
    await newCharter('Derde traject');
    expect((await daily.post(`/api/orgs/${org}/inbox/read`, {})).statusCode).toBe(200);
    await sendDigests(t.ctx);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.slice(before).filter((m) => m.to.includes('daily@example.org'))).toEqual([]);
  });
});
