import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/accounts.ts';
import { DEMO_ROUND_KEYS } from '../../src/modules/demo/rounds.ts';
import { loadDemo } from '../../src/modules/demo/service.ts';
import { insertAnswers } from '../../src/modules/rounds/store.ts';
import { rebuildTallies } from '../../src/modules/rounds/tally-store.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';

type Item = { code: string; label: string; count: number | null; validN: number; percent: number | null };
type Table = {
  question: string;
  item: string | null;
  view: string;
  text: string;
  questionText: string;
  itemText: string | null;
  n: number;
  validN: number;
  missing: number;
  items: Item[];
  suppressed: boolean;
  tooFew: boolean;
};
type Report = {
  round: { id: string; key: string; n: number };
  disclosure: { threshold: number; suppressed: boolean; unsuppressed: boolean };
  filters: { tooFew: boolean; message?: string; n: number | null };
  tables: Table[];
};

async function signIn(t: TestApp, email: string, password: string): Promise<Client> {
  const client = new Client(t.app);
  const response = await client.login(email, password);
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.body}`);
  return client;
}

async function demoRounds(t: TestApp, client: Client) {
  const org = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'De Brug GGZ (demo)').executeTakeFirstOrThrow()).id;
  const rounds = (await client.get(`/api/orgs/${org}/rounds`)).json<{ rounds: { id: string; key: string; responses: { complete: number } }[] }>().rounds;
  const byKey = (key: string) => rounds.find((r) => r.key === key) ?? expect.unreachable(`round ${key}`);
  return { org, ew: byKey(DEMO_ROUND_KEYS.experienceWorkers), pro: byKey(DEMO_ROUND_KEYS.professionals) };
}

const tableOf = (report: Report, question: string) => report.tables.find((t) => t.question === question) ?? expect.unreachable(`table ${question}`);
const figures = (table: Table) => Object.fromEntries(table.items.map((i) => [i.code, i.percent]));

describeEachDatabase('In beeld report: the seed figures from the demo data', (dialect) => {
  let t: TestApp;
  let researcher: Client;
  let rounds: Awaited<ReturnType<typeof demoRounds>>;
  let report: Report;

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, undefined, { demo: true });
    // Reloading replaces the demo organisation, rounds included.
    await loadDemo(t.ctx);
    researcher = await signIn(t, 'onderzoeker@demo.kruisbestuiving.org', DEMO_PASSWORD);
    rounds = await demoRounds(t, researcher);
    const response = await researcher.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report`);
    expect(response.statusCode, response.body).toBe(200);
    report = response.json();
  });
  afterAll(() => t.close());

  it('has 89 experience workers and a comparable number of professionals', () => {
    expect(rounds.ew.responses.complete).toBe(89);
    expect(rounds.pro.responses.complete).toBeGreaterThan(60);
    expect(report.round).toMatchObject({ key: 'demo-ervaringswerkers', n: 89 });
    expect(report.disclosure).toMatchObject({ suppressed: false, unsuppressed: true });
  });

  it('Tabel 4, roles: each role as a percentage of its own valid n (84 for two of them)', () => {
    const roles = tableOf(report, 'rollen');
    expect(roles).toMatchObject({ n: 89, validN: 89, missing: 0 });
    expect(figures(roles)).toEqual({
      kritische_stem: 48.8,
      brugfiguur: 43.8,
      signaalfunctie: 19.1,
      ondersteuning: 61.8,
      leefwereld: 28.1,
      toegankelijkheid: 22.5,
      beleidsbeinvloeding: 37.1,
      beeldvorming_beinvloeden: 34.8,
      geen_specifieke_rol: 2.4,
    });
    const item = (code: string) => roles.items.find((i) => i.code === code);
    expect(item('kritische_stem')).toMatchObject({ count: 41, validN: 84 });
    expect(item('geen_specifieke_rol')).toMatchObject({ count: 2, validN: 84 });
    expect(item('brugfiguur')).toMatchObject({ count: 39, validN: 89 });
  });

  it('filtering on a role counts the people who chose it, not those who left it blank', async () => {
    const filtered = (await researcher.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report?filter=rollen:geen_specifieke_rol`)).json<Report>();
    expect(filtered.filters).toMatchObject({ n: 2 });
    // Every table's base is the selection, not the round: no one in it is counted as missing.
    expect(tableOf(filtered, 'betaald')).toMatchObject({ n: 2, missing: 0 });
  });

  it('status as the combinations people chose, in whole percents (valid n 88)', () => {
    const status = tableOf(report, 'statuut');
    expect(status).toMatchObject({ view: 'combinations', n: 89, validN: 88, missing: 1 });
    const shown = figures(status);
    expect(shown).toMatchObject({
      vrijwilliger: 56,
      betaalde_werknemer: 28,
      zelfstandige: 3,
      geen_statuut: 5,
      'vrijwilliger+betaalde_werknemer': 5,
      'betaalde_werknemer+zelfstandige': 1,
      'vrijwilliger+geen_statuut': 1,
    });
    expect(status.items.find((i) => i.code === 'vrijwilliger')).toMatchObject({ count: 49, validN: 88 });
  });

  it('training as printed: 26, 49.4, 15.7 and 9', () => {
    const training = tableOf(report, 'opleiding');
    expect(training).toMatchObject({ view: 'combinations', n: 89, validN: 89 });
    expect(figures(training)).toMatchObject({
      geen_opleiding: 26,
      opleiding_ervaringswerk: 49.4,
      professionele_opleiding: 15.7,
      'opleiding_ervaringswerk+professionele_opleiding': 9,
    });
  });

  it('a matrix statement has a table of its own, with the question and the statement apart beside the joined heading', () => {
    const statement = report.tables.find((t) => t.question === 'evenwaardige_positie' && t.item === 'betaald_worden') ?? expect.unreachable('statement');
    expect(statement).toMatchObject({
      text: 'Hoe akkoord ben je met deze uitspraken? — Een evenwaardige positie betekent: betaald worden.',
      questionText: 'Hoe akkoord ben je met deze uitspraken?',
      itemText: 'Een evenwaardige positie betekent: betaald worden.',
    });
    expect(tableOf(report, 'rollen')).toMatchObject({ questionText: 'Welke rol nemen of dienen ervaringswerkers op te nemen?', itemText: null });
  });

  it('coordinators see small cells suppressed, as members do, and nothing is audited as an unsuppressed view', async () => {
    const before = (await auditActions(t.ctx, rounds.org)).filter((a) => a === 'report.viewed_unsuppressed').length;
    const coordinator = await signIn(t, 'coordinator@demo.kruisbestuiving.org', DEMO_PASSWORD);
    const seen = (await coordinator.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report`)).json<Report>();
    expect(seen.disclosure).toMatchObject({ suppressed: true, unsuppressed: false, threshold: 5 });
    const roles = tableOf(seen, 'rollen');
    expect(roles.items.find((i) => i.code === 'geen_specifieke_rol')).toMatchObject({ count: null, percent: null });
    expect(roles.items.find((i) => i.code === 'brugfiguur')).toMatchObject({ count: 39, percent: 43.8 });
    for (const table of seen.tables) for (const item of table.items) if (item.count !== null) expect(item.count === 0 || item.count >= 5).toBe(true);
    expect((await auditActions(t.ctx, rounds.org)).filter((a) => a === 'report.viewed_unsuppressed').length).toBe(before);
  });

  it('members see small cells suppressed, in the same report', async () => {
    const member = await signIn(t, 'lid@demo.kruisbestuiving.org', DEMO_PASSWORD);
    const response = await member.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report`);
    expect(response.statusCode).toBe(200);
    const seen = response.json<Report>();
    expect(seen.disclosure).toMatchObject({ suppressed: true, unsuppressed: false, threshold: 5 });
    const roles = tableOf(seen, 'rollen');
    expect(roles.items.find((i) => i.code === 'geen_specifieke_rol')).toMatchObject({ count: null, percent: null });
    expect(roles.items.find((i) => i.code === 'brugfiguur')).toMatchObject({ count: 39, percent: 43.8 });
  });

  it('compares experience workers and professionals on their shared questions', async () => {
    const response = await researcher.get(`/api/orgs/${rounds.org}/reports/compare?a=${rounds.ew.id}&b=${rounds.pro.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const comparison = response.json<{ a: { n: number }; b: { n: number }; items: { question: string; gap: number }[]; largest: { gap: number }[] }>();
    expect(comparison.a.n).toBe(89);
    expect(comparison.items.some((i) => i.question === 'rollen')).toBe(true);
    expect(comparison.items.some((i) => i.question === 'statuut')).toBe(false);
    expect(comparison.largest.length).toBeLessThanOrEqual(10);
    const gaps = comparison.largest.map((i) => Math.abs(i.gap));
    expect(gaps).toEqual([...gaps].sort((x, y) => y - x));
  });
});

describeEachDatabase('In beeld report: disclosure control over HTTP', (dialect) => {
  let t: TestApp;
  let org: string;
  let roundId: string;
  let member: Client;
  let researcher: Client;
  const url = (query = '') => `/api/orgs/${org}/rounds/${roundId}/report${query}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    const researcherUser = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    const memberUser = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const version = await makePublishedVersion(t.ctx, org);
    ({ roundId } = await makeRound(t.ctx, org, version, researcherUser.id));
    const link = await t.ctx.db.selectFrom('round_links').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow();
    // 20 people: 19 in GGZ and 1 in youth care; 12 without training, 8 with experience-work training (one of them in youth care).
    const answers = [];
    for (let i = 0; i < 20; i++) {
      const id = newId();
      await t.ctx.db
        .insertInto('responses')
        .values({
          id,
          round_id: roundId,
          link_id: link.id,
          team_id: null,
          instrument_version_id: version,
          language: 'nl',
          consent_version: 'test',
          status: 'complete',
          started_on: '2026-10-01',
          submitted_on: '2026-10-01',
          resume_code_hash: null,
        })
        .execute();
      const row = { response_id: id, item: null, number_value: null, text_value: null };
      answers.push({ ...row, question: 'sector', option: i === 19 ? 'jeugdhulp' : 'ggz' });
      answers.push({ ...row, question: 'opleiding', option: i < 12 ? 'geen_opleiding' : 'opleiding_ervaringswerk' });
    }
    await insertAnswers(t.ctx.db, answers);
    // Written straight into the tables, so the round's tallies are counted here as the services would.
    await rebuildTallies(t.ctx.db, [roundId]);
    member = await signIn(t, memberUser.email, TEST_PASSWORD);
    researcher = await signIn(t, researcherUser.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('refuses a filter that leaves one person', async () => {
    const report = (await member.get(url('?sector=jeugdhulp'))).json<Report>();
    expect(report.filters.tooFew).toBe(true);
    expect(report.filters.message).toContain('minder dan 5');
    expect(report.tables).toEqual([]);
  });

  it('refuses a filter that leaves out one person of the whole', async () => {
    const report = (await member.get(url('?sector=ggz'))).json<Report>();
    expect(report.filters.tooFew).toBe(true);
    expect(report.tables).toEqual([]);
  });

  it('refuses two overlapping filters whose difference is one person', async () => {
    const wide = (await member.get(url('?filter=opleiding:opleiding_ervaringswerk'))).json<Report>();
    expect(wide.filters).toMatchObject({ tooFew: false, n: 8 });
    expect(wide.tables.length).toBeGreaterThan(0);
    const narrow = (await member.get(url('?filter=opleiding:opleiding_ervaringswerk&filter=sector:ggz'))).json<Report>();
    expect(narrow.filters.tooFew).toBe(true);
    expect(narrow.tables).toEqual([]);
  });

  it('hides a second cell so a small one cannot be worked out from the total', async () => {
    const report = (await member.get(url())).json<Report>();
    const sector = tableOf(report, 'sector');
    expect(sector.items.find((i) => i.code === 'jeugdhulp')?.count).toBeNull();
    const hidden = sector.items.filter((i) => i.count === null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // Whatever the total, the visible cells leave at least two unknowns.
    const visible = sector.items.reduce((s, i) => s + (i.count ?? 0), 0);
    expect(sector.validN - visible).toBeGreaterThanOrEqual(5);
  });

  it('researchers see every count, the report says so, and it is audited', async () => {
    const before = (await auditActions(t.ctx, org)).filter((a) => a === 'report.viewed_unsuppressed').length;
    const report = (await researcher.get(url('?sector=jeugdhulp'))).json<Report>();
    expect(report.disclosure).toMatchObject({ suppressed: false, unsuppressed: true });
    expect(report.filters).toMatchObject({ tooFew: false, n: 1 });
    expect(tableOf(report, 'sector').items.find((i) => i.code === 'jeugdhulp')?.count).toBe(1);
    const after = (await auditActions(t.ctx, org)).filter((a) => a === 'report.viewed_unsuppressed').length;
    expect(after).toBe(before + 1);
  });

  it('rejects an unknown filter with a plain message', async () => {
    const response = await member.get(url('?filter=sector:mars'));
    expect(response.statusCode).toBe(400);
  });
});

const withPostgres = inject('postgresUrl') ? describe : describe.skip;
withPostgres('In beeld report: SQLite and PostgreSQL give identical tables', () => {
  it('for the same demo data', async () => {
    const tables: unknown[] = [];
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const t = await createTestApp(dialect);
      try {
        await loadDemo(t.ctx);
        const client = await signIn(t, 'onderzoeker@demo.kruisbestuiving.org', DEMO_PASSWORD);
        const rounds = await demoRounds(t, client);
        const all = [];
        for (const round of [rounds.ew, rounds.pro]) all.push((await client.get(`/api/orgs/${rounds.org}/rounds/${round.id}/report`)).json<Report>().tables);
        tables.push(all);
      } finally {
        await t.close();
      }
    }
    expect(tables[0]).toEqual(tables[1]);
  }, 120_000);
});
