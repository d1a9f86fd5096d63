import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/accounts.ts';
import { DEMO_ROUND_KEYS } from '../../src/modules/demo/rounds.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

/**
 * The attacker: a member or coordinator of the demo organisation (threshold 7 here, not 5) who makes
 * every request they can — the whole round, every team, every answer of the choice questions, and
 * each of these within the others, the comparison of the two rounds — and tries to solve for a
 * count of 1 to 6 that the platform hides. Known: every shown size, every table, and what a refusal
 * says ("fewer than 7" or "could be worked out"). Nothing may come out exactly.
 */

const K = 7;
type Item = { code: string; count: number | null; validN: number | null; percent: number | null };
type Table = {
  question: string;
  item: string | null;
  type: string;
  view: string;
  n: number | null;
  validN: number | null;
  missing: number | null;
  items: Item[];
  tooFew: boolean;
};
type Report = {
  round: { n: number | null };
  disclosure: { threshold: number; suppressed: boolean };
  filters: { tooFew: boolean; n: number | null; message?: string };
  tables: Table[];
};

async function signIn(t: TestApp, email: string): Promise<Client> {
  const client = new Client(t.app);
  const response = await client.login(email, DEMO_PASSWORD);
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.body}`);
  return client;
}

/** What one sibling request told the attacker: its size, or that it was refused and why. */
type Seen = { key: string; n: number | null; fewerThanK: boolean; anything?: boolean };

/**
 * The values a refused sibling can take, knowing that the refused ones add up to `remainder` and
 * what each refusal said: "fewer than k" is 1..k−1; any other refusal is 0 or at least k.
 */
function possibleValues(refused: Seen[], remainder: number): Set<number>[] {
  const options = refused.map((s) => {
    const values: number[] = [];
    for (let v = 0; v <= remainder; v++) if (s.anything || (s.fewerThanK ? v >= 1 && v < K : v === 0 || v >= K)) values.push(v);
    return values;
  });
  const found = refused.map(() => new Set<number>());
  const chosen: number[] = [];
  const walk = (i: number, left: number) => {
    if (i === options.length) {
      if (left === 0) for (const [j, v] of chosen.entries()) found[j]?.add(v);
      return;
    }
    for (const v of options[i] ?? []) {
      if (v > left) break;
      chosen[i] = v;
      walk(i + 1, left - v);
    }
  };
  walk(0, remainder);
  return found;
}

describeEachDatabase('The attacker recovers no hidden count from all the requests they can make', (dialect) => {
  let t: TestApp;
  let org: string;
  let round: string;
  let otherRound: string;
  let teams: { id: string; name: string }[];
  let truth: Report;
  const requests = { made: 0 };

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, undefined, { demo: true });
    org = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'De Brug GGZ (demo)').executeTakeFirstOrThrow()).id;
    await t.ctx.db.updateTable('organisations').set({ disclosure_threshold: K }).where('id', '=', org).execute();
    const rounds = await t.ctx.db.selectFrom('rounds').select(['id', 'key']).where('organisation_id', '=', org).execute();
    round = rounds.find((r) => r.key === DEMO_ROUND_KEYS.experienceWorkers)?.id ?? '';
    otherRound = rounds.find((r) => r.key === DEMO_ROUND_KEYS.professionals)?.id ?? '';
    teams = await t.ctx.db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', org).execute();
    const researcher = await signIn(t, 'onderzoeker@demo.kruisbestuiving.org');
    truth = (await researcher.get(`/api/orgs/${org}/rounds/${round}/report`)).json<Report>();
  }, 60_000);
  afterAll(() => t.close());

  it('a member combines at most two filters; a third is refused with the reason, while a researcher may', async () => {
    const member = await signIn(t, 'lid@demo.kruisbestuiving.org');
    const researcher = await signIn(t, 'onderzoeker@demo.kruisbestuiving.org');
    const other = truth.tables.find((x) => x.type === 'single' && x.item === null && x.question !== 'sector');
    const option = other?.items.find((i) => /^[a-z0-9]/.test(i.code))?.code;
    const three = `team=${teams[0]?.id}&filter=sector:ggz&filter=${other?.question}:${option}`;
    const two = `team=${teams[0]?.id}&filter=sector:ggz`;
    const refused = (await member.get(`/api/orgs/${org}/rounds/${round}/report?${three}`)).json<Report>();
    expect(refused.filters).toMatchObject({ tooFew: true, n: null });
    expect(refused.filters.message).toContain('Kies hoogstens 2 filters tegelijk');
    expect(refused.tables).toEqual([]);
    // Two filters are weighed by the selection system instead: no "at most two" refusal.
    expect((await member.get(`/api/orgs/${org}/rounds/${round}/report?${two}`)).json<Report>().filters.message ?? '').not.toContain('hoogstens');
    const full = (await researcher.get(`/api/orgs/${org}/rounds/${round}/report?${three}`)).json<Report>();
    expect(full.filters.tooFew).toBe(false);
    expect(typeof full.filters.n).toBe('number');
  });

  for (const who of ['lid@demo.kruisbestuiving.org', 'coordinator@demo.kruisbestuiving.org']) {
    it(`${who.split('@')[0]}: no sibling selection and no left-over group can be solved for`, async () => {
      const client = await signIn(t, who);
      const report = async (query: string[]) => {
        requests.made++;
        const response = await client.get(`/api/orgs/${org}/rounds/${round}/report${query.length ? `?${query.join('&')}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        return response.json<Report>();
      };
      const whole = await report([]);
      expect(whole.disclosure).toMatchObject({ suppressed: true, threshold: K });
      const single = truth.tables.filter((x) => x.type === 'single' && x.item === null).map((x) => x.question);
      const dimensions: { name: string; values: string[]; query: (value: string) => string; rest: (parent: Report) => number | null }[] = [
        { name: 'team', values: teams.map((x) => x.id), query: (v) => `team=${v}`, rest: () => 0 },
        ...single.map((question) => ({
          name: question,
          values: (truth.tables.find((x) => x.question === question)?.items ?? []).map((i) => i.code).filter((c) => /^[a-z0-9]/.test(c)),
          query: (v: string) => `filter=${question}:${v}`,
          // Those who skipped the question: the parent's table says how many.
          rest: (parent: Report) => parent.tables.find((x) => x.question === question)?.missing ?? null,
        })),
      ];
      const solved: string[] = [];
      const check = async (parentQuery: string[], parent: Report) => {
        for (const dimension of dimensions) {
          if (parentQuery.some((q) => q.startsWith(dimension.name === 'team' ? 'team=' : `filter=${dimension.name}:`))) continue;
          const seen: Seen[] = [];
          for (const value of dimension.values) {
            const r = await report([...parentQuery, dimension.query(value)]);
            seen.push({
              key: value,
              n: r.filters.tooFew ? null : r.filters.n,
              fewerThanK: r.filters.message?.includes(`minder dan ${K} mensen`) === true && !r.filters.message.includes('terugrekenen'),
            });
          }
          const parentN = parentQuery.length ? parent.filters.n : parent.round.n;
          const rest = dimension.rest(parent);
          if (parentN === null || rest === null) continue;
          // "Something else" cannot be asked for: its count is what the parent's table shows, if anything.
          const other = parent.tables.find((x) => x.question === dimension.name)?.items.find((i) => i.code === '_other');
          // Answers through the organisation's link have no team: a member cannot ask for them.
          if (dimension.name === 'team') seen.push({ key: 'no team', n: null, fewerThanK: false, anything: true });
          if (other)
            seen.push(
              other.count === null ? { key: '_other', n: null, fewerThanK: false, anything: true } : { key: '_other', n: other.count, fewerThanK: false },
            );
          const refused = seen.filter((s) => s.n === null);
          const remainder = parentN - rest - seen.reduce((s, x) => s + (x.n ?? 0), 0);
          const where = `${parentQuery.join('&') || 'round'} by ${dimension.name}`;
          // The people left over: their answers are the parent's tables minus the siblings' tables.
          if (remainder + rest > 0 && remainder + rest < K) solved.push(`${where}: a group of ${remainder + rest} left over`);
          const values = possibleValues(refused, remainder);
          refused.forEach((s, i) => {
            const only = [...(values[i] ?? [])];
            // A refused selection pinned down gives its answers away; a group nobody can ask for only when small.
            const value = only[0] ?? 0;
            if (only.length === 1 && value > 0 && (!s.anything || value < K)) solved.push(`${where}: ${s.key} = ${value}`);
          });
        }
      };
      await check([], whole);
      // One level down: every team and every sector that opens, split again by everything else.
      for (const parentQuery of [...teams.map((x) => `team=${x.id}`), ...['ggz', 'verslavingszorg', 'jeugdhulp'].map((v) => `filter=sector:${v}`)]) {
        const parent = await report([parentQuery]);
        if (!parent.filters.tooFew) await check([parentQuery], parent);
      }
      expect(solved).toEqual([]);
    }, 120_000);
  }

  type CrossTab = {
    colTotals: (number | null)[];
    total: number | null;
    columns: { code: string }[];
    lines: { code: string; refused: boolean; validN: number | null; cells: { count: number | null; rowPercent: number | null; colPercent: number | null }[] }[];
    test: unknown;
  };

  for (const who of ['lid@demo.kruisbestuiving.org', 'coordinator@demo.kruisbestuiving.org']) {
    it(`${who.split('@')[0]}: a cross-tab shows nothing the filtered reports do not (row a of A × B is the report filtered on A = a)`, async () => {
      const client = await signIn(t, who);
      const rowQuestions = truth.tables.filter((x) => x.type === 'single' && x.item === null).map((x) => x.question);
      const colQuestions = truth.tables.filter((x) => ['single', 'multiple', 'likert'].includes(x.type) && x.item === null).map((x) => x.question);
      const leaks: string[] = [];
      const filtered = new Map<string, Report>();
      const reportFor = async (query: string) => {
        const cached = filtered.get(query);
        if (cached) return cached;
        const r = (await client.get(`/api/orgs/${org}/rounds/${round}/report?${query}`)).json<Report>();
        filtered.set(query, r);
        return r;
      };
      const scopes = [{ query: '', team: '' }, ...teams.map((x) => ({ query: `team=${x.id}&`, team: `&team=${x.id}` }))];
      for (const scope of scopes)
        for (const rows of rowQuestions)
          for (const cols of colQuestions) {
            if (rows === cols || (scope.team && cols !== 'betaald' && cols !== 'sector')) continue;
            const response = await client.get(`/api/orgs/${org}/rounds/${round}/crosstab?rows=${rows}&cols=${cols}${scope.team}`);
            expect(response.statusCode, response.body).toBe(200);
            const x = response.json<CrossTab>();
            const where = `${scope.team || 'round'} ${rows} × ${cols}`;
            let everyShown = true;
            for (const line of x.lines) {
              const r = await reportFor(`${scope.query}filter=${rows}:${line.code}`);
              const table = r.filters.tooFew ? undefined : r.tables.find((tb) => tb.question === cols && tb.item === null);
              const shownN = table && !table.tooFew ? table.validN : null;
              if (line.validN !== shownN) leaks.push(`${where}: row ${line.code} n ${line.validN}, the filter shows ${shownN}`);
              for (const [j, cell] of line.cells.entries()) {
                const code = x.columns[j]?.code;
                const shown = table && !table.tooFew ? (table.items.find((i) => i.code === code)?.count ?? null) : null;
                if (cell.count !== null && cell.count !== shown) leaks.push(`${where}: ${line.code}/${code} = ${cell.count}, the filter shows ${shown}`);
                if (cell.count === null && (cell.rowPercent !== null || cell.colPercent !== null))
                  leaks.push(`${where}: ${line.code}/${code} percentage of a hidden count`);
                if (cell.count === null) everyShown = false;
              }
              if (line.refused) everyShown = false;
            }
            // Margins are sums of shown counts; a test or a total over a hidden count would give it back.
            for (const [j, total] of x.colTotals.entries()) {
              const column = x.lines.map((l) => l.cells[j]?.count ?? null);
              if (total !== null && (column.includes(null) || x.lines.some((l) => l.refused) || column.reduce<number>((s, v) => s + (v ?? 0), 0) !== total))
                leaks.push(`${where}: column ${x.columns[j]?.code} total ${total} not a sum of shown counts`);
            }
            if (x.total !== null && x.lines.some((l) => l.validN === null)) leaks.push(`${where}: total ${x.total} over a hidden row`);
            if (!everyShown && x.test !== null) leaks.push(`${where}: a test on hidden counts`);
          }
      expect(leaks).toEqual([]);
    }, 180_000);
  }

  type Comparison = {
    a: { n: number | null };
    b: { n: number | null };
    items: { question: string; code: string; aPercent: number | null; bPercent: number | null; gap: number | null; effect: number | null }[];
    scales: { question: string; item: string | null; aMean: number | null; bMean: number | null; effect: number | null }[];
  };

  for (const who of ['lid@demo.kruisbestuiving.org', 'coordinator@demo.kruisbestuiving.org']) {
    it(`${who.split('@')[0]}: a follow-up question's table and the round's n give no hidden count back`, async () => {
      const client = await signIn(t, who);
      for (const query of ['', '?filter=sector:ggz', '?filter=sector:verslavingszorg', '?filter=sector:jeugdhulp']) {
        const report = (await client.get(`/api/orgs/${org}/rounds/${round}/report${query}`)).json<Report>();
        if (report.filters.tooFew) continue;
        const paid = report.tables.find((x) => x.question === 'betaald');
        const how = report.tables.find((x) => x.question === 'betaling_hoe');
        // "How are you paid?" was asked to those who said yes or sometimes: its n is their number.
        const group = ['ja', 'soms'].map((code) => paid?.items.find((i) => i.code === code)?.count ?? null);
        if (group.includes(null))
          expect({ query, n: how?.n, validN: how?.validN, counts: how?.items.map((i) => i.count) }).toEqual({
            query,
            n: null,
            validN: null,
            counts: how?.items.map(() => null),
          });
        if (query === '') {
          // The tables-only export gives the same tables: a withheld n stays withheld there too.
          const exported = (await client.get(`/api/orgs/${org}/rounds/${round}/export/tables?format=json`)).json<{
            columns: { name: string }[];
            rows: unknown[][];
          }>();
          const col = (name: string) => exported.columns.findIndex((c) => c.name === name);
          for (const table of report.tables.filter((x) => x.n === null)) {
            const rows = exported.rows.filter((r) => r[col('vraag')] === table.question && r[col('stelling')] === (table.item ?? ''));
            expect(rows.length).toBeGreaterThan(0);
            for (const row of rows)
              expect([row[col('n')], row[col('beantwoord')], row[col('ontbrekend')], row[col('aantal')]]).toEqual([null, null, null, null]);
          }
        }
        for (const table of report.tables)
          if (table.tooFew)
            expect({ query, question: table.question, n: table.n, validN: table.validN, missing: table.missing }).toEqual({
              query,
              question: table.question,
              n: null,
              validN: null,
              missing: null,
            });
      }
    });

    it(`${who.split('@')[0]}: the comparison of two rounds ("De ontmoeting") shows nothing the reports hide`, async () => {
      const client = await signIn(t, who);
      const response = await client.get(`/api/orgs/${org}/reports/compare?a=${round}&b=${otherRound}`);
      expect(response.statusCode, response.body).toBe(200);
      const comparison = response.json<Comparison>();
      const reports = await Promise.all([round, otherRound].map(async (id) => (await client.get(`/api/orgs/${org}/rounds/${id}/report`)).json<Report>()));
      const leaks: string[] = [];
      for (const [side, report] of reports.entries()) {
        const n = side === 0 ? comparison.a.n : comparison.b.n;
        for (const table of report.tables) {
          const hidden = table.items.filter((i) => i.count === null).map((i) => i.code);
          if (hidden.length === 0 && !table.tooFew) continue;
          for (const item of comparison.items.filter((x) => x.question === table.question)) {
            const percent = side === 0 ? item.aPercent : item.bPercent;
            // A percentage of a hidden count, or of a base that leaves a hidden count out, gives it back (n × the rest of 100 %).
            if (percent !== null && (table.view !== 'options' || hidden.includes(item.code) || hidden.includes('_other') || table.tooFew))
              leaks.push(`${side ? 'b' : 'a'} ${table.question}:${item.code} = ${percent} % of n ${n}`);
            if (percent === null && (item.gap !== null || item.effect !== null)) leaks.push(`${table.question}:${item.code} gap or effect`);
          }
          for (const scale of comparison.scales.filter((x) => x.question === table.question && x.item === table.item)) {
            const mean = side === 0 ? scale.aMean : scale.bMean;
            if (mean !== null || scale.effect !== null)
              leaks.push(`${side ? 'b' : 'a'} ${table.question}${table.item ? `.${table.item}` : ''}: mean ${mean}, effect ${scale.effect}`);
          }
        }
      }
      expect(leaks).toEqual([]);
    });
  }
});
