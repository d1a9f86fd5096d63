import type JStat from 'jstat';
import { lazyRequire } from '../../../core/lazy-require.ts';
import { colTotalsOf, rowTotalsOf } from './crosstab.ts';
import { cramersV } from './effect-size.ts';
import { fisherExact } from './fisher.ts';
import { P_DECIMALS, roundHalfUp, roundingRule, STATISTIC_DECIMALS } from './rounding.ts';
import type { ChiSquareResult, CrossCounts, IndependenceResult, Localised, SmallExpectedWarning } from './types.ts';
import { assertTableShape } from './validate.ts';

const jStat = lazyRequire<typeof JStat>('jstat');

export const SMALL_EXPECTED_RULE: Localised = {
  nl: 'Regel: elke verwachte celfrequentie is liefst minstens 5. Is er één kleiner dan 5, dan lees je de p-waarde met voorzichtigheid. Is meer dan 20% van de cellen kleiner dan 5, of een cel kleiner dan 1 (regel van Cochran), dan is de p-waarde niet betrouwbaar; gebruik bij een 2 × 2-tabel dan Fisher’s exacte toets.',
  en: 'Rule: every expected cell count should be at least 5. If one is below 5, read the p-value with caution. If more than 20% of the cells are below 5, or any cell is below 1 (Cochran’s rule), the p-value is not reliable; for a 2 × 2 table, use Fisher’s exact test instead.',
};

/** Leaves out rows and columns without any count. */
function dropEmpty(table: CrossCounts): { kept: CrossCounts; droppedRows: string[]; droppedCols: string[] } {
  const rowTotals = rowTotalsOf(table.counts);
  const colTotals = colTotalsOf(table.counts, table.cols.length);
  const keepRow = table.rows.map((_, i) => (rowTotals[i] ?? 0) > 0);
  const keepCol = table.cols.map((_, j) => (colTotals[j] ?? 0) > 0);
  return {
    kept: {
      rows: table.rows.filter((_, i) => keepRow[i]),
      cols: table.cols.filter((_, j) => keepCol[j]),
      counts: table.counts.filter((_, i) => keepRow[i]).map((row) => row.filter((_, j) => keepCol[j])),
    },
    droppedRows: table.rows.filter((_, i) => !keepRow[i]),
    droppedCols: table.cols.filter((_, j) => !keepCol[j]),
  };
}

function smallExpectedWarning(expected: number[][], isTwoByTwo: boolean): SmallExpectedWarning | null {
  const all = expected.flat();
  const below5 = all.filter((e) => e < 5).length;
  if (below5 === 0) return null;
  const smallest = Math.min(...all);
  const unreliable = below5 / all.length > 0.2 || smallest < 1;
  const min = roundHalfUp(smallest, STATISTIC_DECIMALS);
  const one = below5 === 1;
  const nl = `${below5} van de ${all.length} cellen ${one ? 'heeft' : 'hebben'} een verwachte frequentie kleiner dan 5 (de kleinste is ${String(min).replace('.', ',')}).`;
  const en = `${below5} of the ${all.length} cells ${one ? 'has' : 'have'} an expected count below 5 (the smallest is ${min}).`;
  if (!unreliable) return { level: 'caution', text: { nl: `${nl} Lees de p-waarde met voorzichtigheid.`, en: `${en} Read the p-value with caution.` } };
  const fisher = isTwoByTwo ? { nl: ' Kijk naar Fisher’s exacte toets.', en: ' Look at Fisher’s exact test.' } : { nl: '', en: '' };
  return { level: 'unreliable', text: { nl: `${nl} De p-waarde is niet betrouwbaar.${fisher.nl}`, en: `${en} The p-value is not reliable.${fisher.en}` } };
}

/** Pearson's χ² statistic of a table whose rows and columns all have counts (no continuity correction). */
export function chiSquareStatistic(counts: number[][]): { statistic: number; expected: number[][]; n: number } {
  const rowTotals = rowTotalsOf(counts);
  const colTotals = colTotalsOf(counts, counts[0]?.length ?? 0);
  const n = rowTotals.reduce((sum, value) => sum + value, 0);
  const expected = rowTotals.map((r) => colTotals.map((c) => (r * c) / n));
  let statistic = 0;
  for (const [i, row] of counts.entries())
    for (const [j, observed] of row.entries()) {
      const e = expected[i]?.[j] ?? 0;
      statistic += (observed - e) ** 2 / e;
    }
  return { statistic, expected, n };
}

/**
 * Pearson's chi-square test of independence. Null when, after leaving out empty rows and columns,
 * fewer than two rows or two columns remain (nothing to test).
 */
export function chiSquareTest(input: CrossCounts): ChiSquareResult | null {
  assertTableShape(input.rows, input.cols, input.counts);
  const { kept, droppedRows, droppedCols } = dropEmpty(input);
  if (kept.rows.length < 2 || kept.cols.length < 2) return null;
  const { statistic, expected, n } = chiSquareStatistic(kept.counts);
  const df = (kept.rows.length - 1) * (kept.cols.length - 1);
  const pExact = Math.min(1, Math.max(0, 1 - jStat().chisquare.cdf(statistic, df)));
  const v = cramersV(statistic, n, kept.rows.length, kept.cols.length) ?? 0;
  const flat = expected.flat();
  return {
    test: 'chi_square',
    n,
    statistic: roundHalfUp(statistic, STATISTIC_DECIMALS),
    statisticExact: statistic,
    df,
    p: roundHalfUp(pExact, P_DECIMALS),
    pExact,
    expected,
    minExpected: Math.min(...flat),
    cellsBelow5: flat.filter((e) => e < 5).length,
    cells: flat.length,
    warning: smallExpectedWarning(expected, kept.rows.length === 2 && kept.cols.length === 2),
    rule: SMALL_EXPECTED_RULE,
    droppedRows,
    droppedCols,
    cramersV: roundHalfUp(v, STATISTIC_DECIMALS),
    cramersVExact: v,
    rounding: roundingRule(STATISTIC_DECIMALS),
    pRounding: roundingRule(P_DECIMALS),
  };
}

/** Chi-square for any table; Fisher's exact test as well when the table is 2 × 2. */
export function testIndependence(input: CrossCounts): IndependenceResult {
  const chiSquare = chiSquareTest(input);
  const fisher = input.rows.length === 2 && input.cols.length === 2 ? fisherExact(input.counts) : null;
  return { chiSquare, fisher };
}
