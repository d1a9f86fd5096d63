import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCrossTab } from '../../src/modules/analysis/crosstab-view.ts';
import type { ReportTable } from '../../src/modules/analysis/report.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/accounts.ts';
import { DEMO_ROUND_KEYS } from '../../src/modules/demo/rounds.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions } from '../helpers/factories.ts';

/**
 * Cross-tabs: the counts, percentages and tests a researcher gets, checked against literals and,
 * where R is installed (CI has it), against R's own chisq.test and fisher.test on the same table;
 * and a member's cross-tab with small cells hidden and no test on hidden counts.
 */

const rscript = inject('rscriptPath');

/** R's answer for a table given by rows: statistic, df, p, Cramér's V and the smallest expected count (chi-square), or Fisher's p. */
async function inR(counts: number[][]): Promise<{ statistic: number; df: number; p: number; v: number; minExpected: number; fisher: number | null }> {
  const cells = counts.flat().join(',');
  const script = `m <- matrix(c(${cells}), nrow=${counts.length}, byrow=TRUE)
m <- m[rowSums(m) > 0, colSums(m) > 0, drop=FALSE]
r <- suppressWarnings(chisq.test(m, correct=FALSE))
f <- if (all(dim(m) == 2)) fisher.test(m)$p.value else NA
cat(r$statistic, r$parameter, r$p.value, sqrt(r$statistic / (sum(m) * (min(dim(m)) - 1))), min(r$expected), f, sep="\\n")`;
  const { stdout } = await promisify(execFile)(rscript ?? 'Rscript', ['--vanilla', '-e', script]);
  const [statistic = 0, df = 0, p = 0, v = 0, minExpected = 0, fisher = Number.NaN] = stdout.trim().split('\n').map(Number);
  return { statistic, df, p, v, minExpected, fisher: Number.isNaN(fisher) ? null : fisher };
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

function line(code: string, counts: Record<string, number | null>): { code: string; label: string; table: ReportTable; message: null } {
  const shown = Object.values(counts);
  const validN = shown.reduce<number>((s, v) => s + (v ?? 0), 0);
  return {
    code,
    label: code,
    message: null,
    table: {
      question: 'b',
      item: null,
      section: 's',
      type: 'single',
      view: 'options',
      text: 'B',
      questionText: 'B',
      itemText: null,
      n: validN,
      validN,
      missing: 0,
      decimals: 1,
      items: Object.entries(counts).map(([c, count]) => ({
        code: c,
        label: c,
        count,
        validN,
        percent: count === null ? null : round((100 * count) / validN, 1),
        ci: null,
        decimals: 1,
        suppressed: count === null,
      })),
      tooFew: false,
      suppressed: shown.includes(null),
      notes: [],
    },
  };
}

describe('a cross-tab of two questions (pure)', () => {
  it('a 2 × 2 with small expected counts recommends Fisher’s exact test, with the warning (R: fisher.test p = 0.03497)', async () => {
    const view = buildCrossTab({
      rowsMultiple: false,
      colsPartition: true,
      decimals: 1,
      lang: 'en',
      lines: [line('x', { yes: 8, no: 2 }), line('y', { yes: 1, no: 5 })],
    });
    expect(view.colTotals).toEqual([9, 7]);
    expect(view.total).toBe(16);
    expect(view.lines.map((l) => l.cells.map((c) => [c.count, c.rowPercent, c.colPercent]))).toEqual([
      [
        [8, 80, 88.9],
        [2, 20, 28.6],
      ],
      [
        [1, 16.7, 11.1],
        [5, 83.3, 71.4],
      ],
    ]);
    expect(view.test?.recommended).toBe('fisher_exact');
    expect(view.test?.fisher).toEqual({ p: 0.035 });
    expect(view.test?.chiSquare).toMatchObject({ statistic: 6.11, df: 1, p: 0.013, cramersV: 0.62, minExpected: 2.63, cellsBelow5: 3, cells: 4 });
    expect(view.test?.chiSquare?.warning?.level).toBe('unreliable');
    expect(view.test?.chiSquare?.warning?.text).toContain('Look at Fisher’s exact test');
    if (rscript) {
      const r = await inR([
        [8, 2],
        [1, 5],
      ]);
      expect([round(r.fisher ?? -1, 3), round(r.statistic, 2), round(r.p, 3), round(r.v, 2), round(r.minExpected, 2)]).toEqual([
        view.test?.fisher?.p,
        view.test?.chiSquare?.statistic,
        view.test?.chiSquare?.p,
        view.test?.chiSquare?.cramersV,
        view.test?.chiSquare?.minExpected,
      ]);
    }
  });

  it('with a hidden cell: no test, no total over it, and a note saying why', () => {
    const view = buildCrossTab({
      rowsMultiple: false,
      colsPartition: true,
      decimals: 1,
      lang: 'nl',
      lines: [line('x', { yes: 20, no: null }), line('y', { yes: 10, no: 12 })],
    });
    expect(view.test).toBeNull();
    expect(view.testNote).toContain('kleine aantallen verborgen');
    expect(view.colTotals).toEqual([30, null]);
    expect(view.total).toBe(42);
    expect(view.lines[0]?.cells[1]).toEqual({ code: 'no', count: null, rowPercent: null, colPercent: null, suppressed: true });
  });
});

type CrossTab = {
  disclosure: { suppressed: boolean; threshold: number };
  columns: { code: string }[];
  lines: {
    code: string;
    refused: boolean;
    message: string | null;
    validN: number | null;
    cells: { count: number | null; rowPercent: number | null; colPercent: number | null }[];
  }[];
  colTotals: (number | null)[];
  total: number | null;
  test: {
    recommended: string;
    chiSquare: {
      n: number;
      statistic: number;
      df: number;
      p: number;
      cramersV: number;
      minExpected: number;
      warning: { level: string; text: string } | null;
    } | null;
    fisher: { p: number } | null;
  } | null;
  testNote: string | null;
};

describeEachDatabase('GET /rounds/:roundId/crosstab on the demo', (dialect) => {
  let t: TestApp;
  let org: string;
  let ew: string;
  let pro: string;
  let researcher: Client;
  let member: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, undefined, { demo: true });
    org = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'De Brug GGZ (demo)').executeTakeFirstOrThrow()).id;
    const rounds = await t.ctx.db.selectFrom('rounds').select(['id', 'key']).where('organisation_id', '=', org).execute();
    ew = rounds.find((r) => r.key === DEMO_ROUND_KEYS.experienceWorkers)?.id ?? '';
    pro = rounds.find((r) => r.key === DEMO_ROUND_KEYS.professionals)?.id ?? '';
    researcher = new Client(t.app);
    await researcher.login('onderzoeker@demo.kruisbestuiving.org', DEMO_PASSWORD);
    member = new Client(t.app);
    await member.login('lid@demo.kruisbestuiving.org', DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => t.close());

  const get = async (client: Client, roundId: string, query: string) => {
    const response = await client.get(`/api/orgs/${org}/rounds/${roundId}/crosstab?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CrossTab>();
  };

  it('sector × paid for a researcher: counts, margins, percentages and chi-square as R computes them', async () => {
    const before = (await auditActions(t.ctx, org)).filter((a) => a === 'report.viewed_unsuppressed').length;
    const x = await get(researcher, ew, 'rows=sector&cols=betaald&lang=nl');
    expect(x.columns.map((c) => c.code)).toEqual(['ja', 'nee', 'soms']);
    expect(x.lines.map((l) => [l.code, l.validN, ...l.cells.map((c) => c.count)])).toEqual([
      ['ggz', 40, 14, 7, 19],
      ['verslavingszorg', 27, 9, 11, 7],
      ['jeugdhulp', 22, 4, 8, 10],
      ['other', 0, 0, 0, 0],
    ]);
    expect(x.colTotals).toEqual([27, 26, 36]);
    expect(x.total).toBe(89);
    expect(x.lines[0]?.cells.map((c) => [c.rowPercent, c.colPercent])).toEqual([
      [35, 51.9],
      [17.5, 26.9],
      [47.5, 52.8],
    ]);
    // R: chisq.test(matrix(c(14,7,19,9,11,7,4,8,10), 3, byrow=TRUE)) → X-squared 6.9656, df 4, p 0.13772; V 0.1978; min expected 6.427
    expect(x.test).toMatchObject({
      recommended: 'chi_square',
      fisher: null,
      chiSquare: { n: 89, statistic: 6.97, df: 4, p: 0.138, cramersV: 0.2, minExpected: 6.43, warning: null },
    });
    if (rscript) {
      const r = await inR(x.lines.map((l) => l.cells.map((c) => c.count ?? 0)));
      expect([round(r.statistic, 2), r.df, round(r.p, 3), round(r.v, 2), round(r.minExpected, 2)]).toEqual([6.97, 4, 0.138, 0.2, 6.43]);
    }
    expect((await auditActions(t.ctx, org)).filter((a) => a === 'report.viewed_unsuppressed').length).toBe(before + 1);
  });

  it('position × “enough support” (a scale) warns that the p-value is not reliable, as R does', async () => {
    const x = await get(researcher, pro, 'rows=positie&cols=omkadering_voldoende&lang=en');
    expect(x.lines.map((l) => l.cells.map((c) => c.count))).toEqual([
      [3, 5, 4, 3, 3, 0],
      [2, 5, 3, 5, 1, 0],
      [7, 7, 5, 5, 5, 0],
    ]);
    // R: X-squared 3.2979, df 8, p 0.91430; V 0.1618; min expected 2.2857 (the empty "no opinion" column left out)
    expect(x.test?.chiSquare).toMatchObject({ statistic: 3.3, df: 8, p: 0.914, cramersV: 0.16, minExpected: 2.29, warning: { level: 'unreliable' } });
    expect(x.test?.chiSquare?.warning?.text).toBe('11 of the 15 cells have an expected count below 5 (the smallest is 2.29). The p-value is not reliable.');
    if (rscript) {
      const r = await inR(x.lines.map((l) => l.cells.map((c) => c.count ?? 0)));
      expect([round(r.statistic, 2), r.df, round(r.p, 3), round(r.v, 2), round(r.minExpected, 2)]).toEqual([3.3, 8, 0.914, 0.16, 2.29]);
    }
  });

  it('a member: small cells hidden, a too-small row refused, no test on hidden counts, no total over them', async () => {
    const x = await get(member, ew, 'rows=sector&cols=betaald&lang=nl');
    expect(x.disclosure.suppressed).toBe(true);
    expect(x.lines.map((l) => [l.code, l.refused, l.validN, ...l.cells.map((c) => c.count)])).toEqual([
      ['ggz', false, 40, 14, 7, 19],
      ['verslavingszorg', false, 27, 9, 11, 7],
      ['jeugdhulp', false, 22, null, null, 10],
      ['other', true, null, null, null, null],
    ]);
    expect(x.lines[3]?.message).toContain('minder dan 5 mensen');
    expect(x.colTotals).toEqual([null, null, null]);
    expect(x.total).toBeNull();
    expect(x.test).toBeNull();
    expect(x.testNote).toContain('kleine aantallen verborgen');
    // A member's view is not an unsuppressed view: no such audit event for it.
  });

  it('the tables export carries the cross-tab as rows of cells, hidden cells hidden for a member', async () => {
    const response = await member.get(`/api/orgs/${org}/rounds/${ew}/export/tables?format=json&crosstab=sector:betaald`);
    expect(response.statusCode, response.body).toBe(200);
    const exported = response.json<{ columns: { name: string }[]; rows: unknown[][] }>();
    const col = (name: string) => exported.columns.findIndex((c) => c.name === name);
    const cells = exported.rows.filter((r) => r[col('weergave')] === 'kruistabel');
    const cell = (row: string, code: string) => cells.find((r) => r[col('stelling')] === row && r[col('code')] === code);
    expect([cell('ggz', 'ja')?.[col('aantal')], cell('ggz', 'ja')?.[col('procent')], cell('ggz', 'ja')?.[col('verborgen')]]).toEqual([14, 35, 0]);
    expect([cell('jeugdhulp', 'ja')?.[col('aantal')], cell('jeugdhulp', 'ja')?.[col('procent')], cell('jeugdhulp', 'ja')?.[col('verborgen')]]).toEqual([
      null,
      null,
      1,
    ]);
    expect([cell('other', 'ja')?.[col('aantal')], cell('other', 'ja')?.[col('verborgen')]]).toEqual([null, 1]);
  });

  it('a number (hours a week) comes in at most ten classes with its summary; the lowest and highest value only for a researcher', async () => {
    type NumberTable = {
      question: string;
      view: string;
      validN: number;
      items: { code: string; count: number | null }[];
      scale: Record<string, number | null>;
    };
    const hoursOf = async (client: Client) =>
      (await client.get(`/api/orgs/${org}/rounds/${ew}/report`)).json<{ tables: NumberTable[] }>().tables.find((x) => x.question === 'uren_per_week');
    const full = await hoursOf(researcher);
    expect(full?.view).toBe('bins');
    expect(full?.items.length).toBeLessThanOrEqual(10);
    for (const item of full?.items ?? []) expect(item.code).toMatch(/^\d+-\d+$/);
    expect(full?.items.reduce((s, i) => s + (i.count ?? 0), 0)).toBe(full?.validN);
    expect(typeof full?.scale.min).toBe('number');
    expect(typeof full?.scale.max).toBe('number');
    // For a member the demo hides some classes, so the whole summary is hidden; the rule for the
    // lowest and highest value alone is proven in src/modules/analysis/report-numbers.test.ts.
    const hidden = await hoursOf(member);
    expect(hidden?.view).toBe('bins');
    expect([hidden?.scale.min, hidden?.scale.max]).toEqual([null, null]);
  });

  it('refuses a question that does not fit, in the person’s language, and the same question twice', async () => {
    const bad = await researcher.get(`/api/orgs/${org}/rounds/${ew}/crosstab?rows=uren_per_week&cols=betaald&lang=nl`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Kies voor de rijen een keuzevraag');
    const same = await researcher.get(`/api/orgs/${org}/rounds/${ew}/crosstab?rows=sector&cols=sector&lang=en`);
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Choose two different questions.');
    expect((await researcher.get(`/api/orgs/${org}/rounds/${ew}/crosstab?rows=sector`)).statusCode).toBe(400);
  });
});
