import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { compareRoundsReport } from '../../src/modules/analysis/compare-service.ts';
import { getReport } from '../../src/modules/analysis/service.ts';
import { createInstrument, publishVersion } from '../../src/modules/instruments/service.ts';
import { recordRoundConsent, roundConsentStatement } from '../../src/modules/meetings/meeting-rounds.ts';
import { answer, withdraw } from '../../src/modules/meetings/participant.ts';
import { meetingResults } from '../../src/modules/meetings/results-service.ts';
import { control, createMeeting } from '../../src/modules/meetings/service.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { actorOf, joinMany, meetingRow, must, singlePrompt } from './helpers.ts';
import { hidden, Phone } from './phone.ts';

/** What each participant chooses on the roles prompt (linked to Cocreatie in beeld's `rollen`). */
const CHOICES: string[][] = [
  ['brugfiguur', 'kritische_stem'],
  ['brugfiguur', 'kritische_stem'],
  ['brugfiguur', 'kritische_stem'],
  ['brugfiguur', 'kritische_stem'],
  ['brugfiguur', 'kritische_stem'],
  ['brugfiguur'],
  ['brugfiguur'],
  ['ondersteuning'],
  ['ondersteuning'],
  ['ondersteuning'],
  ['ondersteuning'],
  ['ondersteuning'],
];

describeEachDatabase('a meeting stored as a round of the linked instrument, with consent asked on the phone', (dialect) => {
  let t: TestApp;
  let org: string;
  let admin: Actor;
  let adminClient: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Zorg Oost');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    admin = actorOf(user.id, org, 'admin');
    adminClient = new Client(t.app);
    await adminClient.login(user.email, TEST_PASSWORD);
    const instrument = await createInstrument(t.ctx, admin, org, { copyOf: 'cocreatie-ervaringswerkers' });
    await publishVersion(t.ctx, admin, org, instrument.id, 1);
  });
  afterAll(() => t.close());

  async function roundMeeting(title: string) {
    const view = await createMeeting(t.ctx, admin, org, { title, library: ['roles'], prompts: [singlePrompt] });
    await control(t.ctx, admin, org, view.id, { action: 'start' });
    return { view, meeting: await meetingRow(t.ctx, view.joinCode), rolesPrompt: must(view.prompts[0]).id };
  }

  it('asks once on the phone, with a text from the real settings; the stored round reports what the meeting showed; withdrawal leaves it', async () => {
    const { view, meeting, rolesPrompt } = await roundMeeting('Ontmoeting Oost');
    // One phone over HTTP without JavaScript: the question shows the organisation, the prompt and the threshold.
    const phone = new Phone(t.app);
    await phone.request('POST', `/m/${view.joinCode}/join`, { position: 'experience_worker' });
    const page = await phone.request('GET', `/m/${view.joinCode}`);
    expect(page.body).toContain('Ook meetellen in de vragenlijst?');
    expect(page.body).toContain('Vraag 1 komt ook uit de vragenlijst “Cocreatie in beeld: vragenlijst voor ervaringswerkers”.');
    expect(page.body).toContain('Als minder dan 5 mensen iets antwoorden');
    const version = hidden(page.body, 'version');
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect((await phone.request('POST', `/m/${view.joinCode}/consent`, { choice: 'given', version: '0000000000000000' })).statusCode).toBe(409);
    const chose = await phone.request('POST', `/m/${view.joinCode}/consent`, { choice: 'given', version });
    expect(chose.statusCode).toBe(303);
    const after = await phone.request('GET', `/m/${view.joinCode}?consent=given`);
    expect(after.body).toContain('Je antwoorden op die vragen tellen ook mee in de vragenlijst.');
    expect(after.body).not.toContain('Ook meetellen in de vragenlijst?');
    const phoneAnswer = await phone.request('POST', `/m/${view.joinCode}/answer`, {
      promptId: hidden(after.body, 'promptId'),
      clientId: hidden(after.body, 'clientId'),
      choices: must(CHOICES[0]),
    });
    expect(phoneAnswer.statusCode).toBe(303);

    // Eleven more: ten agree, one says no (their answer counts only in the meeting).
    const others = await joinMany(t.ctx, view.joinCode, 12, 'practitioner');
    const statement = must(await roundConsentStatement(t.ctx, meeting, 'nl'));
    for (const [i, p] of others.entries()) {
      const choices = CHOICES[i + 1] ?? ['signaalfunctie'];
      await recordRoundConsent(t.ctx, meeting, p.row, i === 11 ? 'declined' : 'given', statement.version);
      await answer(t.ctx, meeting, p.row, { promptId: rolesPrompt, clientId: `client-${i}-round`, raw: { choices } });
    }
    await control(t.ctx, admin, org, view.id, { action: 'finish' });
    const finished = await adminClient.get(`/api/orgs/${org}/meetings/${view.id}`);
    const roundId = must(finished.json<{ rounds: string[] }>().rounds[0]);

    // The meeting's results leave out the one who said no; the rest must equal the round's report.
    const report = await getReport(t.ctx, publishedInstruments, admin, { organisationId: org, roundId, query: {} });
    const roles = must(report.tables.find((x) => x.question === 'rollen'));
    const reported = Object.fromEntries(roles.items.filter((i) => (i.count ?? 0) > 0).map((i) => [i.code, i.count]));
    expect(report.round.n).toBe(12);
    expect(reported).toEqual({ brugfiguur: 7, kritische_stem: 5, ondersteuning: 5 });
    const results = await meetingResults(t.ctx, admin, org, view.id);
    const roomCounts = Object.fromEntries((must(results[0]).results.rows ?? []).filter((r) => (r.room.count ?? 0) > 0).map((r) => [r.key, r.room.count]));
    // Equal; the one who said no chose signaalfunctie: 1 answer, under the threshold, so the meeting hides it.
    expect(roomCounts).toEqual(reported);
    expect(must(results[0]).results.rows?.find((r) => r.key === 'signaalfunctie')?.room.count).toBeNull();
    expect(roles.items.find((i) => i.code === 'signaalfunctie')?.count).toBe(0);
    const consentVersions = await t.ctx.db.selectFrom('responses').select('consent_version').where('round_id', '=', roundId).distinct().execute();
    expect(consentVersions).toEqual([{ consent_version: version }]);
    expect(await auditActions(t.ctx, org)).toContain('round.saved_from_elsewhere');

    // Withdrawing after the meeting also takes the answers out of the round.
    const receipt = must(others[0]).receipt;
    expect(await withdraw(t.ctx, meeting, receipt)).toBe(true);
    const again = await getReport(t.ctx, publishedInstruments, admin, { organisationId: org, roundId, query: {} });
    expect(again.round.n).toBe(11);
    expect(must(again.tables.find((x) => x.question === 'rollen')).items.find((i) => i.code === 'brugfiguur')?.count).toBe(6);

    // The existing comparison takes the meeting's round like any survey round.
    const second = await roundMeeting('Ontmoeting West');
    const west = await joinMany(t.ctx, second.view.joinCode, 5, null);
    for (const [i, p] of west.entries()) {
      await recordRoundConsent(t.ctx, second.meeting, p.row, 'given', statement.version);
      await answer(t.ctx, second.meeting, p.row, { promptId: second.rolesPrompt, clientId: `client-west-${i}`, raw: { choices: ['brugfiguur'] } });
    }
    await control(t.ctx, admin, org, second.view.id, { action: 'finish' });
    const westRound = must((await adminClient.get(`/api/orgs/${org}/meetings/${second.view.id}`)).json<{ rounds: string[] }>().rounds[0]);
    const comparison = await compareRoundsReport(t.ctx, publishedInstruments, admin, org, { a: roundId, b: westRound });
    expect(comparison.a.n).toBe(11);
    expect(comparison.b.n).toBe(5);
    const brug = comparison.items.find((i) => i.question === 'rollen' && i.code === 'brugfiguur');
    expect(brug?.bPercent).toBe(100);
  });

  it('asks nothing when no prompt is linked to a published instrument', async () => {
    const view = await createMeeting(t.ctx, admin, org, { title: 'Zonder vragenlijst', prompts: [singlePrompt] });
    await control(t.ctx, admin, org, view.id, { action: 'start' });
    const phone = new Phone(t.app);
    await phone.request('POST', `/m/${view.joinCode}/join`, {});
    expect((await phone.request('GET', `/m/${view.joinCode}`)).body).not.toContain('Ook meetellen in de vragenlijst?');
    const finished = await control(t.ctx, admin, org, view.id, { action: 'finish' });
    expect(finished.rounds).toEqual([]);
  });
});
