import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { openDatabase } from '../../src/db/database.ts';
import { insertAnswers } from '../../src/modules/rounds/store.ts';
import { rebuildTallies } from '../../src/modules/rounds/tally-store.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { envFor, runCli } from '../helpers/cli.ts';
import { createTestDatabase, describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { makePublishedVersion } from '../helpers/respondent.ts';

/**
 * The organisation's threshold is set by an admin (never below 5), audited, and used by every count
 * a member or coordinator sees: here 7, so a hard-coded 5 anywhere shows. Three team links with 20,
 * 20 and 3 answers: the coordinator must not read the 3, nor work it out as 43 − 20 − 20.
 */

type Link = { teamId: string | null; responses: number | null; responsesFewerThan: number | null };
type RoundDetail = { responses: { complete: number | null; started: number | null; fewerThan: number | null }; links: Link[] };

async function signIn(t: TestApp, email: string): Promise<Client> {
  const client = new Client(t.app);
  const response = await client.login(email, TEST_PASSWORD);
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.body}`);
  return client;
}

async function roundWith(t: TestApp, org: string, by: string, perLink: { teamId: string | null; count: number }[]): Promise<string> {
  const version = await makePublishedVersion(t.ctx, org);
  const roundId = newId();
  const now = new Date().toISOString();
  await t.ctx.db
    .insertInto('rounds')
    .values({
      id: roundId,
      organisation_id: org,
      instrument_version_id: version,
      name: 'Drie teams',
      key: `drie-${roundId.slice(0, 6)}`,
      presentation: null,
      closes_on: '2999-12-31',
      open_text_export: 0,
      status: 'open',
      created_by: by,
      created_at: now,
    })
    .execute();
  const answers = [];
  for (const { teamId, count } of perLink) {
    const linkId = newId();
    await t.ctx.db
      .insertInto('round_links')
      .values({ id: linkId, round_id: roundId, team_id: teamId, token: newId().replaceAll('-', ''), created_at: now })
      .execute();
    for (let i = 0; i < count; i++) {
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
      answers.push({ response_id: id, question: 'betaald', item: null, option: 'nee', number_value: null, text_value: null });
    }
  }
  await insertAnswers(t.ctx.db, answers);
  await rebuildTallies(t.ctx.db, [roundId]);
  return roundId;
}

describeEachDatabase('The organisation’s disclosure threshold, and small link counts', (dialect) => {
  let t: TestApp;
  let org: string;
  let admin: Client;
  let coordinator: Client;
  let member: Client;
  let researcher: Client;
  let round: string;
  let tiny: string;
  let teams: string[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, `Drempel ${newId().slice(0, 6)}`);
    const people = await Promise.all((['admin', 'coordinator', 'member', 'researcher'] as const).map((role) => makeUser(t.ctx, { organisationId: org, role })));
    [admin, coordinator, member, researcher] = (await Promise.all(people.map((p) => signIn(t, p.email)))) as [Client, Client, Client, Client];
    teams = [await makeTeam(t.ctx, org, 'Team A'), await makeTeam(t.ctx, org, 'Team B'), await makeTeam(t.ctx, org, 'Team C')];
    const by = people[3]?.id ?? '';
    round = await roundWith(t, org, by, [
      { teamId: teams[0] ?? null, count: 20 },
      { teamId: teams[1] ?? null, count: 20 },
      { teamId: teams[2] ?? null, count: 3 },
    ]);
    tiny = await roundWith(t, org, by, [{ teamId: null, count: 6 }]);
  });
  afterAll(() => t.close());

  it('only an admin sets it, never below 5, with a plain message, and the change is audited', async () => {
    for (const client of [coordinator, member, researcher])
      expect((await client.patch(`/api/orgs/${org}/settings`, { disclosureThreshold: 7 })).statusCode).toBe(403);
    for (const bad of [4, 0, 51, 6.5, '7', null]) {
      const response = await admin.patch(`/api/orgs/${org}/settings`, { disclosureThreshold: bad });
      expect(response.statusCode, String(bad)).toBe(400);
      expect(response.body).not.toMatch(/stack|select |at .*\.ts/i);
    }
    expect(await auditActions(t.ctx, org)).not.toContain('organisation.threshold_changed');
    const set = await admin.patch(`/api/orgs/${org}/settings`, { disclosureThreshold: 7 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ disclosureThreshold: 7 });
    expect(await auditActions(t.ctx, org)).toContain('organisation.threshold_changed');
    const me = (await member.get('/api/me')).json<{ organisations: { id: string; disclosureThreshold: number }[] }>();
    expect(me.organisations.find((o) => o.id === org)?.disclosureThreshold).toBe(7);
  });

  it('the report, filters and comparison of a member use it', async () => {
    const report = (await member.get(`/api/orgs/${org}/rounds/${round}/report`)).json<{ disclosure: { threshold: number }; round: { n: number | null } }>();
    expect(report.disclosure.threshold).toBe(7);
    expect(report.round.n).toBe(43);
    // Six people: a selection of 6 is below 7.
    const small = (await member.get(`/api/orgs/${org}/rounds/${tiny}/report`)).json<{ round: { n: number | null } }>();
    expect(small.round.n).toBeNull();
    // A follow-up asked to nobody, and questions nobody answered: their tables keep n hidden, in the export too.
    const tables = (await member.get(`/api/orgs/${org}/rounds/${round}/report`)).json<{ tables: { question: string; n: number | null; tooFew: boolean }[] }>()
      .tables;
    expect(tables.find((x) => x.question === 'betaling_hoe')).toMatchObject({ n: null, tooFew: true });
    expect(tables.find((x) => x.question === 'betaald')?.n).toBe(43);
    const exported = (await member.get(`/api/orgs/${org}/rounds/${round}/export/tables?format=json`)).json<{
      columns: { name: string }[];
      rows: unknown[][];
    }>();
    const col = (name: string) => exported.columns.findIndex((c) => c.name === name);
    const followUp = exported.rows.filter((r) => r[col('vraag')] === 'betaling_hoe');
    expect(followUp.length).toBeGreaterThan(0);
    for (const row of followUp) expect([row[col('n')], row[col('beantwoord')], row[col('ontbrekend')]]).toEqual([null, null, null]);
    const compare = (await member.get(`/api/orgs/${org}/reports/compare?a=${round}&b=${tiny}`)).json<{
      disclosure: { threshold: number };
      b: { n: number | null };
    }>();
    expect(compare.disclosure.threshold).toBe(7);
    expect(compare.b.n).toBeNull();
  });

  it('a coordinator reads "fewer than 7" for the small link, and cannot work it out from the others', async () => {
    const detail = (await coordinator.get(`/api/orgs/${org}/rounds/${round}`)).json<RoundDetail>();
    const link = (team: string | undefined) => detail.links.find((l) => l.teamId === team) ?? expect.unreachable();
    expect(link(teams[2])).toMatchObject({ responses: null, responsesFewerThan: 7 });
    expect(detail.responses).toMatchObject({ complete: 43, fewerThan: 7 });
    // The attacker: the round's 43 minus every link shown leaves the hidden ones, each 1..6 if "fewer than 7", else 0 or 7 and more.
    const hidden = detail.links.filter((l) => l.responses === null);
    const left = (detail.responses.complete ?? 0) - detail.links.reduce((s, l) => s + (l.responses ?? 0), 0);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const fits = (l: Link, v: number) => (l.responsesFewerThan !== null ? v >= 1 && v < 7 : v === 0 || v >= 7);
    const [first, second] = hidden as [Link, Link];
    const firstValues = new Set<number>();
    for (let v = 0; v <= left; v++) if (fits(first, v) && (hidden.length > 2 || fits(second, left - v))) firstValues.add(v);
    expect(firstValues.size).toBeGreaterThan(1);
    expect(left).toBeGreaterThanOrEqual(7);
    // The round list and the live count of a round of 6.
    const list = (await coordinator.get(`/api/orgs/${org}/rounds`)).json<{ rounds: { id: string; responses: RoundDetail['responses'] }[] }>();
    expect(list.rounds.find((r) => r.id === tiny)?.responses).toEqual({ complete: null, started: null, fewerThan: 7 });
    const tinyDetail = (await coordinator.get(`/api/orgs/${org}/rounds/${tiny}`)).json<RoundDetail>();
    expect(tinyDetail.links.map((l) => [l.responses, l.responsesFewerThan])).toEqual([[null, 7]]);
  });

  it('a researcher sees every link count exactly', async () => {
    const detail = (await researcher.get(`/api/orgs/${org}/rounds/${round}`)).json<RoundDetail>();
    expect(detail.links.map((l) => l.responses).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([3, 20, 20]);
    expect(detail.responses).toEqual({ complete: 43, started: 43, fewerThan: null });
  });
});

describeEachDatabase('The threshold from the command line', (dialect) => {
  it('shows it, sets it (audited), and refuses a value below 5', { timeout: 120_000 }, async () => {
    const testDb = await createTestDatabase(dialect, { migrated: true });
    try {
      const env = envFor(testDb.database);
      const added = await runCli(['user', 'add', '--email', 'beheer@example.org', '--name', 'Beheer', '--org', 'Zorg Noord', '--role', 'admin'], env);
      expect(added.code, added.stderr).toBe(0);
      expect((await runCli(['org', 'threshold', 'Zorg Noord'], env)).stdout).toBe('5\n');
      const low = await runCli(['org', 'threshold', 'Zorg Noord', '4'], env);
      expect(low.code).toBe(1);
      expect(low.stderr).toMatch(/from 5 to 50/);
      const set = await runCli(['org', 'threshold', 'Zorg Noord', '10'], env);
      expect(set.code, set.stderr).toBe(0);
      expect((await runCli(['org', 'threshold', 'Zorg Noord'], env)).stdout).toBe('10\n');
      expect((await runCli(['org', 'threshold', 'Nergens', '10'], env)).stderr).toMatch(/No organisation/);
      const handle = openDatabase(testDb.database);
      try {
        const audit = await handle.db
          .selectFrom('audit_events')
          .select(['action', 'actor_user_id'])
          .where('action', '=', 'organisation.threshold_changed')
          .execute();
        expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([['organisation.threshold_changed', null]]);
      } finally {
        await handle.close();
      }
    } finally {
      await testDb.dispose();
    }
  });
});
