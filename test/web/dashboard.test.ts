import { describe, expect, it } from 'vitest';
import {
  fixtureComparison,
  fixtureReport,
  likertTable,
  matrixTable,
  rolesTable,
  statusTable,
  suppressedTable,
} from '../../web/src/components/dashboard/fixtures.ts';
import {
  agreements,
  barData,
  chartFileName,
  chartKind,
  countsLine,
  divergingSegments,
  filterableQuestions,
  formatCount,
  formatGap,
  formatNumber,
  groupByQuestion,
  hasSuppressed,
  isWithheld,
  mergeMatrices,
  parseReportQuery,
  rankGaps,
  reportSearch,
  scaleRows,
  tableRows,
  withReportQuery,
} from '../../web/src/components/dashboard/helpers.ts';
import type { ReportTable } from '../../web/src/components/dashboard/types.ts';

const words = { n: 'n', validN: 'geldige n', missing: 'ontbrekend' };

describe('formatting figures', () => {
  it('prints percentages in Dutch notation with one decimal, and in English with a point', () => {
    expect(formatNumber(48.8, 'nl')).toBe('48,8');
    expect(formatNumber(2.4, 'nl')).toBe('2,4');
    expect(formatNumber(50, 'nl')).toBe('50,0');
    expect(formatNumber(48.8, 'en')).toBe('48.8');
    expect(formatNumber(26, 'nl', 0)).toBe('26');
  });

  it('never prints a withheld figure as 0, and never "-0"', () => {
    expect(formatNumber(null, 'nl')).toBe('–');
    expect(formatNumber(undefined, 'nl')).toBe('–');
    expect(formatNumber(-0, 'nl')).toBe('0,0');
  });

  it('groups thousands the Dutch way', () => {
    expect(formatCount(100000, 'nl')).toBe('100.000');
    expect(formatCount(100000, 'en')).toBe('100,000');
  });

  it('signs gaps', () => {
    expect(formatGap(18.4, 'nl')).toBe('+18,4');
    expect(formatGap(-15.1, 'nl')).toBe('−15,1');
    expect(formatGap(0, 'nl')).toBe('0,0');
    expect(formatGap(null, 'nl')).toBe('–');
  });

  it('writes the counts line under a chart', () => {
    expect(countsLine({ n: 89, validN: 84, missing: 5 }, words, 'nl')).toBe('n = 89 · geldige n = 84 · ontbrekend = 5');
  });
});

describe('table rows', () => {
  it('reproduces the seed’s Tabel 4 (roles, n = 89)', () => {
    const rows = tableRows(rolesTable, 'nl');
    expect(rows.map((r) => [r.label, r.percent])).toEqual([
      ['Kritische stem', '48,8'],
      ['Brugfiguur', '43,8'],
      ['Signaalfunctie', '19,1'],
      ['Ondersteuning', '61,8'],
      ['Leefwereld', '28,1'],
      ['Toegankelijkheid', '22,5'],
      ['Beleidsbeïnvloeding', '37,1'],
      ['Beeldvorming beïnvloeden', '34,8'],
      ['Geen specifieke rol', '2,4'],
    ]);
    expect(rows[0]).toMatchObject({ count: '41', validN: '84', ci: '38,4–59,3', suppressed: false });
    expect(rows.at(-1)).toMatchObject({ validN: '84' });
    expect(hasSuppressed(rolesTable)).toBe(false);
  });

  it('shows suppressed cells as "–" and flags them for the footnote', () => {
    const rows = tableRows(statusTable, 'nl');
    const hidden = rows.find((r) => r.code === 'zelfstandige');
    expect(hidden).toMatchObject({ count: '–', percent: '–', ci: '–', suppressed: true });
    expect(rows.some((r) => r.count === '0' || r.percent === '0,0')).toBe(false);
    expect(hasSuppressed(statusTable)).toBe(true);
  });

  it('withholds a whole table that has too few answers', () => {
    expect(isWithheld(suppressedTable)).toBe(true);
    expect(chartKind(suppressedTable)).toBe('none');
    const tooFew: ReportTable = { ...statusTable, tooFew: true, items: statusTable.items.map((i) => ({ ...i, count: null, percent: null, ci: null })) };
    expect(isWithheld(tooFew)).toBe(true);
    expect(tableRows(tooFew, 'nl').every((r) => r.count === '–' && r.percent === '–')).toBe(true);
  });

  it('uses a row’s own decimals when the presentation asks for them', () => {
    const table: ReportTable = {
      ...statusTable,
      items: [{ ...statusTable.items[0], decimals: 0 } as ReportTable['items'][number], statusTable.items[1] as ReportTable['items'][number]],
    };
    expect(tableRows(table, 'nl').map((r) => r.percent)).toEqual(['56', '28,4']);
  });
});

describe('charts', () => {
  it('picks a chart per question type', () => {
    expect(fixtureReport.tables.map((t) => [t.question, chartKind(t)])).toEqual([
      ['rollen', 'bars'],
      ['statuut', 'bars'],
      ['gelijkwaardig', 'diverging'],
      ['drie_logicas', 'diverging'],
      ['opleiding_andere', 'none'],
      ['toelichting', 'none'],
    ]);
  });

  it('keeps a suppressed answer in the bar chart as "–", not 0', () => {
    const bars = barData(statusTable, 'nl');
    expect(bars.find((b) => b.label === 'Zelfstandige')).toEqual({ label: 'Zelfstandige', percent: null, text: '–' });
    expect(barData(rolesTable, 'nl')[0]).toEqual({ label: 'Kritische stem', percent: 48.8, text: '48,8' });
  });

  it('centres a diverging bar on the middle of the scale', () => {
    const [row] = scaleRows(likertTable);
    if (!row) throw new Error('no row');
    const segments = divergingSegments(row.row, row.points, 'nl');
    // 5,8 + 10,5 + half of 19,8 lie left of 0.
    expect(segments[0]?.x1).toBeCloseTo(-(5.8 + 10.5 + 9.9), 6);
    expect(segments[2]?.x1).toBeCloseTo(-9.9, 6);
    expect(segments[2]?.x2).toBeCloseTo(9.9, 6);
    expect(segments.at(-1)?.x2).toBeCloseTo(9.9 + 39.5 + 24.4, 6);
    expect(segments.map((s) => s.text)).toEqual(['5,8', '10,5', '19,8', '39,5', '24,4']);
  });

  it('leaves "no opinion" and withheld points off the diverging bar', () => {
    const points = [
      { code: '1', label: 'Oneens', count: 10, percent: 40 },
      { code: '2', label: 'Eens', count: null, percent: null },
      { code: '_no_opinion', label: 'Geen mening', count: 5, percent: 20 },
    ];
    const segments = divergingSegments('x', points, 'nl');
    expect(segments.map((s) => [s.code, s.x1, s.x2])).toEqual([['1', -40, 0]]);
  });

  it('gives a matrix one row per statement', () => {
    expect(scaleRows(matrixTable).map((r) => r.row)).toEqual(['Herstellogica', 'Zorglogica']);
  });

  it('merges the API’s per-statement matrix tables into one', () => {
    const statement = (item: string, text: string, validN: number): ReportTable => ({
      ...likertTable,
      question: 'logicas',
      type: 'matrix',
      item,
      text: `In welke mate herken je deze logica’s? — ${text}`,
      questionText: 'In welke mate herken je deze logica’s?',
      itemText: text,
      validN,
      missing: 89 - validN,
    });
    const merged = mergeMatrices([rolesTable, statement('herstel', 'Herstellogica', 85), statement('zorg', 'Zorglogica', 84), statusTable]);
    expect(merged.map((t) => t.question)).toEqual(['rollen', 'logicas', 'statuut']);
    const matrix = merged[1] as ReportTable;
    expect(matrix.text).toBe('In welke mate herken je deze logica’s?');
    expect(scaleRows(matrix).map((r) => r.row)).toEqual(['Herstellogica', 'Zorglogica']);
    expect(countsLine(matrix, words, 'nl')).toBe('n = 89 · geldige n = 84–85 · ontbrekend = 4–5');
  });
});

describe('comparisons', () => {
  it('ranks where the perspectives differ most: largest absolute gap first', () => {
    expect(rankGaps(fixtureComparison.items).map((i) => [i.code, i.gap])).toEqual([
      ['leefwereld', -21.9],
      ['kritische_stem', 18.4],
      ['brugfiguur', -15.1],
      ['signaalfunctie', -2.3],
      ['ondersteuning', -0.7],
    ]);
    expect(rankGaps(fixtureComparison.items, 2)).toHaveLength(2);
  });

  it('lists where they agree, smallest gap first, leaving out withheld items', () => {
    expect(agreements(fixtureComparison.items).map((i) => i.code)).toEqual(['ondersteuning', 'signaalfunctie']);
  });

  it('groups compared items per question', () => {
    expect(groupByQuestion(fixtureComparison.items).map((g) => [g.question, g.items.length])).toEqual([
      ['rollen', 5],
      ['statuut', 1],
    ]);
  });
});

describe('file names and addresses', () => {
  it('names downloads after the question key', () => {
    expect(chartFileName('rollen', 'svg')).toBe('rollen.svg');
    expect(chartFileName('drie_logicas', 'png')).toBe('drie_logicas.png');
    expect(chartFileName('Beïnvloeding / beleid', 'png', 'vergelijking')).toBe('vergelijking-beinvloeding-beleid.png');
    expect(chartFileName('', 'svg')).toBe('grafiek.svg');
  });

  it('reads and writes the filters in the address', () => {
    const query = parseReportQuery(new URLSearchParams('team=t1&filter=statuut:vrijwilliger&meet=r2'));
    expect(query).toEqual({ team: 't1', sector: null, filter: { question: 'statuut', option: 'vrijwilliger' } });
    expect(parseReportQuery(new URLSearchParams('filter=broken')).filter).toBeNull();
    expect(reportSearch(query, 'nl')).toBe('team=t1&filter=statuut%3Avrijwilliger&lang=nl');
    const next = withReportQuery(new URLSearchParams('team=t1&meet=r2'), { team: null, sector: 'ggz', filter: null });
    expect(next.toString()).toBe('meet=r2&sector=ggz');
  });

  it('offers answer filters on choice questions only', () => {
    expect(filterableQuestions(fixtureReport.tables).map((q) => q.question)).toEqual(['rollen', 'statuut']);
  });
});
