import { DEFAULT_DECIMALS, percentOf, roundingRule, roundOrNull } from './rounding.ts';
import type { AnalysisOptions, CrossCell, CrossCounts, CrossTabResult } from './types.ts';
import { assertTableShape } from './validate.ts';

export function rowTotalsOf(counts: number[][]): number[] {
  return counts.map((row) => row.reduce((total, value) => total + value, 0));
}

export function colTotalsOf(counts: number[][], cols: number): number[] {
  return Array.from({ length: cols }, (_, j) => counts.reduce((total, row) => total + (row[j] ?? 0), 0));
}

/** Swaps rows and columns. */
export function transpose(table: CrossCounts): CrossCounts {
  return { rows: table.cols, cols: table.rows, counts: table.cols.map((_, j) => table.counts.map((row) => row[j] ?? 0)) };
}

/** Cross-tabulation with row, column and total percentages (null where the margin is 0). */
export function crossTabulate(input: CrossCounts, options: AnalysisOptions = {}): CrossTabResult {
  assertTableShape(input.rows, input.cols, input.counts);
  const decimals = options.decimals ?? DEFAULT_DECIMALS;
  const rowTotals = rowTotalsOf(input.counts);
  const colTotals = colTotalsOf(input.counts, input.cols.length);
  const total = rowTotals.reduce((sum, value) => sum + value, 0);
  const share = (count: number, of: number) => (of > 0 ? percentOf(count, of) : null);
  const cells = input.counts.map((row, i) =>
    row.map((count, j): CrossCell => {
      const rowPercentExact = share(count, rowTotals[i] ?? 0);
      const colPercentExact = share(count, colTotals[j] ?? 0);
      const totalPercentExact = share(count, total);
      return {
        count,
        rowPercent: roundOrNull(rowPercentExact, decimals),
        rowPercentExact,
        colPercent: roundOrNull(colPercentExact, decimals),
        colPercentExact,
        totalPercent: roundOrNull(totalPercentExact, decimals),
        totalPercentExact,
      };
    }),
  );
  return { rows: input.rows, cols: input.cols, cells, rowTotals, colTotals, total, rounding: roundingRule(decimals) };
}
