import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { insertAnswers } from '../../src/modules/rounds/store.ts';
import { rebuildTallies } from '../../src/modules/rounds/tally-store.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { makePublishedVersion } from '../helpers/respondent.ts';

type Report = { round: { n: number | null }; tables: { question: string; items: { code: string; count: number | null }[] }[] };
type Result = { id: string; name: string; teams: string[]; organisationWide: boolean; available: boolean; shared: string };

/** A round asking one team: 8 people answered "nee" and 2 "ja" on betaald (2 is a small group at k = 5). */
async function roundOfTeam(t: TestApp, org: string, by: string, teamId: string, name: string): Promise<string> {
  const version = await makePublishedVersion(t.ctx, org);
  const roundId = newId();
  const now = new Date().toISOString();
  await t.ctx.db
    .insertInto('rounds')
    .values({
      id: roundId,
      organisation_id: org,
      instrument_version_id: version,
      name,
      key: `r-${roundId.slice(0, 6)}`,
      presentation: null,
      closes_on: '2999-12-31',
      open_text_export: 0,
      status: 'open',
      created_by: by,
      created_at: now,
    })
    .execute();
  const linkId = newId();
  await t.ctx.db
    .insertInto('round_links')
    .values({ id: linkId, round_id: roundId, team_id: teamId, token: newId().replaceAll('-', ''), created_at: now })
    .execute();
  const answers = [];
  for (let i = 0; i < 10; i++) {
    const id = newId();
    await t.ctx.db
      .insertInto('responses')
      .values({
        id,
        round_id: roundId,
        link_id: linkId,
        team_id: teamId,
        instrument_version_id: version,
        language: 'nl',
        consent_version: 'test',
        status: 'complete',
        started_on: '2026-10-01',
        submitted_on: '2026-10-01',
        resume_code_hash: null,
      })
      .execute();
    answers.push({ response_id: id, question: 'betaald', item: null, option: i < 2 ? 'ja' : 'nee', number_value: null, text_value: null });
  }
  await insertAnswers(t.ctx.db, answers);
  await rebuildTallies(t.ctx.db, [roundId]);
  return roundId;
}

describeEachDatabase('results for the people a round asked: whether and when, for whom, and a public link', (dialect) => {
  let t: TestApp;
  let org: string;
  let round: string;
  let researcher: Client;
  let coordinator: Client;
  let member: Client;
  let otherTeamMember: Client;

  const signIn = async (role: 'researcher' | 'coordinator' | 'member', teamId?: string) => {
    const user = await makeUser(t.ctx, { organisationId: org, role });
    if (teamId) await addToTeam(t.ctx, teamId, user.id, 'experience_worker');
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return { client, id: user.id };
  };
  const share = (results: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    researcher.patch(`/api/orgs/${org}/rounds/${round}`, { results, ...extra });
  const memberReport = () => member.get(`/api/orgs/${org}/rounds/${round}/report`);
  const listed = async (client: Client) => (await client.get(`/api/orgs/${org}/results`)).json<{ results: Result[] }>().results.map((r) => r.name);

  beforeAll(async () => {
    t = await createTestApp(dialect, { logLevel: 'debug' });
    org = await makeOrganisation(t.ctx);
    const team = await makeTeam(t.ctx, org, 'Herstel');
    const otherTeam = await makeTeam(t.ctx, org, 'Wonen');
    const r = await signIn('researcher');
    researcher = r.client;
    coordinator = (await signIn('coordinator')).client;
    member = (await signIn('member', team)).client;
    otherTeamMember = (await signIn('member', otherTeam)).client;
    round = await roundOfTeam(t, org, r.id, team, 'Peiling Herstel');
  });
  afterAll(() => t?.close());

  it('a member finds their team’s round and reads it with small groups hidden; another team’s member does not find it', async () => {
    expect(await listed(member)).toEqual(['Peiling Herstel']);
    expect(await listed(otherTeamMember)).toEqual([]);
    const report = (await memberReport()).json<Report>();
    const betaald = report.tables.find((table) => table.question === 'betaald');
    // 2 of 10 said "ja": a small group, hidden (and the 8 with it, or 10 − 8 would give it away).
    expect(betaald?.items.find((i) => i.code === 'ja')?.count).toBeNull();
    expect(betaald?.items.find((i) => i.code === 'nee')?.count).toBeNull();
    // The researcher sees the same round in full.
    const full = (await researcher.get(`/api/orgs/${org}/rounds/${round}/report`)).json<Report>();
    expect(full.tables.find((table) => table.question === 'betaald')?.items.find((i) => i.code === 'ja')?.count).toBe(2);
  });

  it('not shared: members are refused (403) and do not find it; coordinators and researchers still read it', async () => {
    expect((await share({ shared: 'not' })).statusCode).toBe(200);
    const refused = await memberReport();
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { message: string } }>().error.message).toBe(
      'De uitkomsten van deze ronde zijn (nog) niet gedeeld. De onderzoeker bepaalt of en wanneer ze gedeeld worden.',
    );
    expect((await member.get(`/api/orgs/${org}/rounds/${round}/report.html`)).statusCode).toBe(403);
    expect((await member.get(`/api/orgs/${org}/rounds/${round}/export/tables?format=csv`)).statusCode).toBe(403);
    expect((await member.get(`/api/orgs/${org}/reports/compare?a=${round}&b=${round}`)).statusCode).toBe(403);
    expect(await listed(member)).toEqual([]);
    expect((await coordinator.get(`/api/orgs/${org}/rounds/${round}/report`)).statusCode).toBe(200);
    expect((await researcher.get(`/api/orgs/${org}/rounds/${round}/report`)).statusCode).toBe(200);
    expect(await auditActions(t.ctx, org)).toContain('round.results_sharing_changed');
  });

  it('after closing: refused while the round is open, shared once it is closed', async () => {
    expect((await share({ shared: 'after_closing' })).statusCode).toBe(200);
    expect((await memberReport()).statusCode).toBe(403);
    expect((await researcher.patch(`/api/orgs/${org}/rounds/${round}`, { status: 'closed' })).statusCode).toBe(200);
    expect((await memberReport()).statusCode).toBe(200);
    expect(await listed(member)).toEqual(['Peiling Herstel']);
  });

  it('from a date: refused before it, shared from that day; a date is required', async () => {
    expect((await share({ shared: 'from_date', from: '2999-01-01' })).statusCode).toBe(200);
    expect((await memberReport()).statusCode).toBe(403);
    expect((await share({ shared: 'from_date', from: '2000-01-01' })).statusCode).toBe(200);
    expect((await memberReport()).statusCode).toBe(200);
    const bad = await share({ shared: 'from_date' });
    expect(bad.statusCode).toBe(400);
    // The bad request changed nothing.
    expect((await researcher.get(`/api/orgs/${org}/rounds/${round}`)).json<{ results: { shared: string; from: string } }>().results).toMatchObject({
      shared: 'from_date',
      from: '2000-01-01',
    });
  });

  it('a public link shows the whole round with small groups hidden, without signing in and without a log line', async () => {
    const made = await share({ shared: 'now', audience: 'public' });
    const path = made.json<{ results: { publicPath: string | null } }>().results.publicPath as string;
    expect(path).toMatch(/^\/u\/[A-Za-z0-9_-]{22,64}$/);
    const before = t.logs.length;
    const page = await t.app.inject({ method: 'GET', url: `${path}?lang=nl` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Peiling Herstel');
    expect(page.body).toContain('Kleine aantallen');
    // The small group (2) and what gives it away (8) are not on the page; the hidden cells show "–".
    expect(page.body).not.toMatch(/>\s*2\s*</);
    expect(page.body).not.toMatch(/>\s*8\s*</);
    expect(page.body).toContain('–');
    expect(t.logs.slice(before).join('')).not.toContain(path.slice(3));

    // The link keeps working while public; back to members only (or not shared), it is gone.
    expect((await share({ shared: 'not', audience: 'public' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await share({ shared: 'now', audience: 'members' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/u/not-a-token' })).statusCode).toBe(404);
  });
});
