import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock.ts';
import { getPublishedVersion } from '../../src/modules/instruments/service.ts';
import { runInvitationWork } from '../../src/modules/round-invitations/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { completeAnswers, openRound } from '../helpers/respondent.ts';
import { type ReceivedMail, startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

const personalToken = (mail: ReceivedMail | undefined) => /http:\/\/kruisbestuiving\.test\/r\/([A-Za-z0-9_-]{22,64})/.exec(mail?.text ?? '')?.[1] ?? '';

describeEachDatabase('personal invitations, reminders and the closing notice', (dialect) => {
  let smtp: TestSmtp;
  let t: TestApp;
  let org: string;
  let researcher: Client;
  let coordinator: Client;
  let now = new Date('2026-12-07T09:00:00.000Z').getTime();
  const clock: Clock = { now: () => new Date(now) };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(
      dialect,
      { publicUrl: 'http://kruisbestuiving.test', mail: { smtpUrl: smtp.url, from: 'noreply@kruisbestuiving.test', pollMs: 50, firstRetryMs: 1000 } },
      clock,
    );
    org = await makeOrganisation(t.ctx, 'De Haven');
    const team = await makeTeam(t.ctx, org, 'Herstel');
    const r = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    const c = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    await addToTeam(t.ctx, team, c.id, 'coordinator');
    researcher = new Client(t.app);
    await researcher.login(r.email, TEST_PASSWORD);
    coordinator = new Client(t.app);
    await coordinator.login(c.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('invites, lets one answer once, reminds only the others, keeps no link to the response, and erases the addresses at closing', async () => {
    const opened = await openRound(researcher, org, { closesOn: '2026-12-20' });
    const roundId = opened.round.id as string;
    const linkId = opened.round.links[0].id as string;
    const base = `/api/orgs/${org}/rounds/${roundId}`;

    const invited = await coordinator.post(`${base}/invitations`, {
      addresses: 'e-mail\nanna@example.org\n"Bram" <BRAM@example.org>; carla@example.org, geen-adres@\nanna@example.org',
      linkId,
      language: 'nl',
    });
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json()).toEqual({ added: 3, alreadyInvited: 0, invalid: ['geen-adres@'] });
    const again = await coordinator.post(`${base}/invitations`, { addresses: 'anna@example.org', linkId, language: 'nl' });
    expect(again.json()).toEqual({ added: 0, alreadyInvited: 1, invalid: [] });

    const invitations = await smtp.waitFor(3);
    expect(invitations.map((m) => m.to[0]).sort()).toEqual(['anna@example.org', 'bram@example.org', 'carla@example.org']);
    const anna = invitations.find((m) => m.to[0] === 'anna@example.org');
    expect(anna?.subject).toBe('Uitnodiging: Voorjaar 2027');
    expect(anna?.text).toContain('tot en met 20 december 2026');
    const annaToken = personalToken(anna);
    expect(annaToken).not.toBe('');

    // Anna's link opens the anonymous form, whose explanation says what the invitation list keeps.
    const welcome = await t.app.inject({ method: 'GET', url: `/r/${annaToken}` });
    expect(welcome.statusCode).toBe(200);
    expect(welcome.body).toContain('Op de lijst met uitnodigingen staat alleen óf je link gebruikt is');
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    const instrument = (await getPublishedVersion(t.ctx, opened.versionId)).instrument;
    const responseId = crypto.randomUUID();
    const submitted = await new Client(t.app).post(`/api/r/${annaToken}/responses`, {
      responseId,
      language: 'nl',
      consentVersion,
      answers: completeAnswers(instrument),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    // A personal link works once.
    expect((await t.app.inject({ method: 'GET', url: `/r/${annaToken}` })).statusCode).toBe(410);
    const second = await new Client(t.app).post(`/api/r/${annaToken}/responses`, {
      responseId: crypto.randomUUID(),
      language: 'nl',
      consentVersion,
      answers: completeAnswers(instrument),
    });
    expect(second.statusCode).toBe(409);

    // No link between invitations and responses: no shared column, and no mark set at answer time.
    const db = t.ctx.db;
    const response = await db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirstOrThrow();
    expect(response.link_id).toBe(linkId);
    const columns = async (table: string) => ((await db.introspection.getTables()).find((x) => x.name === table)?.columns ?? []).map((c) => c.name).sort();
    expect(await columns('round_invitations')).toEqual(['created_at', 'email', 'id', 'language', 'link_id', 'round_id', 'used']);
    expect(await columns('round_invitation_uses')).toEqual(['invitation_id']);
    expect(await columns('round_invitation_tokens')).toEqual(['invitation_id', 'token_hash']);
    expect((await columns('responses')).filter((c) => /invit|email/.test(c))).toEqual([]);
    expect(await db.selectFrom('round_invitations').select('used').execute()).toEqual([{ used: 0 }, { used: 0 }, { used: 0 }]);
    expect(await db.selectFrom('round_invitation_uses').selectAll().execute()).toHaveLength(1);
    const dump = JSON.stringify(await db.selectFrom('round_invitations').selectAll().execute());
    expect(dump).not.toContain(responseId);

    // A reminder today goes to Bram and Carla only; the daily batch marks Anna's invitation used.
    expect((await coordinator.put(`${base}/reminders`, { dates: ['2026-12-07', '2026-12-10'] })).statusCode).toBe(200);
    expect(await runInvitationWork(t.ctx)).toEqual({ marked: 1, reminded: 2, closed: 0 });
    expect(await db.selectFrom('round_invitation_uses').selectAll().execute()).toEqual([]);
    expect((await db.selectFrom('round_invitations').select(['email', 'used']).orderBy('email').execute()).map((r) => r.used)).toEqual([1, 0, 0]);
    const afterReminder = await smtp.waitFor(5);
    const reminders = afterReminder.slice(3);
    expect(reminders.map((m) => m.to[0]).sort()).toEqual(['bram@example.org', 'carla@example.org']);
    expect(reminders.every((m) => m.subject === 'Herinnering: Voorjaar 2027')).toBe(true);
    // A second run the same day sends nothing again.
    expect(await runInvitationWork(t.ctx)).toEqual({ marked: 0, reminded: 0, closed: 0 });

    // The summary: the researcher sees the small count, the coordinator reads "fewer than 5".
    expect((await researcher.get(`${base}/invitations`)).json()).toMatchObject({ invited: 3, answered: 1, answeredFewerThan: null });
    expect((await coordinator.get(`${base}/invitations`)).json()).toMatchObject({
      invited: 3,
      answered: null,
      answeredFewerThan: 5,
      reminders: [
        { sendOn: '2026-12-07', sent: true },
        { sendOn: '2026-12-10', sent: false },
      ],
    });

    // Closing: everyone gets the notice, then the addresses and links are erased.
    expect((await researcher.patch(base, { status: 'closed' })).statusCode).toBe(200);
    now += 24 * 60 * 60_000;
    expect(await runInvitationWork(t.ctx)).toEqual({ marked: 0, reminded: 0, closed: 1 });
    const all = await smtp.waitFor(8);
    expect(
      all
        .slice(5)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['anna@example.org', 'bram@example.org', 'carla@example.org']);
    expect(all.slice(5)[0]?.subject).toBe('Gesloten: Voorjaar 2027');
    expect(await db.selectFrom('round_invitations').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('round_invitation_tokens').selectAll().execute()).toEqual([]);
    const reminderDue = personalToken(reminders[0]);
    expect((await t.app.inject({ method: 'GET', url: `/r/${reminderDue}` })).statusCode).toBe(404);
    // No mail holds anything but the round, the organisation and a link.
    for (const mail of all) expect(mail.text).not.toMatch(/antwoord(en)? van|answers of/i);
  });

  it('refuses a colour on which white text fails AA contrast, and keeps one that passes', async () => {
    const admin = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    const client = new Client(t.app);
    await client.login(admin.email, TEST_PASSWORD);
    const refused = await client.put(`/api/orgs/${org}/branding`, { colour: '#f5c400' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('contrast lager dan 4,5');
    const kept = await client.put(`/api/orgs/${org}/branding`, { colour: '#1D4F91' });
    expect(kept.json(), kept.body).toEqual({ colour: '#1d4f91', logo: null });
    const member = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const memberClient = new Client(t.app);
    await memberClient.login(member.email, TEST_PASSWORD);
    expect((await memberClient.get(`/api/orgs/${org}/branding`)).json()).toEqual({ colour: '#1d4f91', logo: null });
  });
});
