import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discloseCrossTable, discloseFrequencies } from './disclosure.ts';
import type { DisclosedCrossTable } from './types.ts';

/**
 * The attacker: knows every shown count, every shown total, and that counts are whole numbers of 0
 * or more. Enumerates every table that fits and collects, for each hidden count and hidden margin,
 * the values it can take. A hidden figure with only one possible value is disclosed.
 */
function possibleValues(shape: number[][], shown: DisclosedCrossTable, budget = 100_000): Map<string, Set<number>> | null {
  const rows = shape.length;
  const cols = shape[0]?.length ?? 0;
  const grand = shown.total.count ?? Number.NaN;
  const table = shown.cells.map((row) => row.map((c) => c.count));
  const unknown: [number, number][] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (table[i]?.[j] === null) unknown.push([i, j]);
  const rowTotal = (i: number) => shown.rowTotals[i]?.count ?? null;
  const colTotal = (j: number) => shown.colTotals[j]?.count ?? null;
  const seen = new Map<string, Set<number>>();
  const note = (key: string, value: number) => seen.set(key, (seen.get(key) ?? new Set()).add(value));
  const value = (i: number, j: number) => table[i]?.[j] ?? 0;
  let steps = 0;
  const sum = (cells: number[]) => cells.reduce((s, v) => s + v, 0);
  const rowSum = (i: number) => sum(Array.from({ length: cols }, (_, j) => value(i, j)));
  const colSum = (j: number) => sum(Array.from({ length: rows }, (_, i) => value(i, j)));
  const place = (index: number): boolean => {
    if (++steps > budget) return false;
    if (index === unknown.length) {
      for (let i = 0; i < rows; i++) if (rowTotal(i) !== null && rowSum(i) !== rowTotal(i)) return true;
      for (let j = 0; j < cols; j++) if (colTotal(j) !== null && colSum(j) !== colTotal(j)) return true;
      if (sum(Array.from({ length: rows }, (_, i) => rowSum(i))) !== grand) return true;
      for (const [i, j] of unknown) note(`cell ${i},${j}`, value(i, j));
      for (let i = 0; i < rows; i++) if (rowTotal(i) === null) note(`row ${i}`, rowSum(i));
      for (let j = 0; j < cols; j++) if (colTotal(j) === null) note(`col ${j}`, colSum(j));
      return true;
    }
    const [i, j] = unknown[index] ?? [0, 0];
    const row = table[i] ?? [];
    const limits = [grand - sum(Array.from({ length: rows }, (_, r) => rowSum(r)))];
    const rt = rowTotal(i);
    const ct = colTotal(j);
    if (rt !== null) limits.push(rt - rowSum(i));
    if (ct !== null) limits.push(ct - colSum(j));
    // The last unknown of a row or column with a shown total has only one possible value.
    const lastInRow = rt !== null && !unknown.slice(index + 1).some(([r]) => r === i);
    const lastInCol = ct !== null && !unknown.slice(index + 1).some(([, c]) => c === j);
    const forced = lastInRow ? (rt ?? 0) - rowSum(i) : lastInCol ? (ct ?? 0) - colSum(j) : null;
    const highest = Math.min(...limits);
    if (forced !== null && (forced < 0 || forced > highest)) return true;
    for (let v = forced ?? 0; v <= (forced ?? highest); v++) {
      row[j] = v;
      if (!place(index + 1)) return false;
    }
    row[j] = null;
    return true;
  };
  // Unknowns start at 0 in the sums above.
  for (const [i, j] of unknown) (table[i] ?? [])[j] = null;
  return place(0) ? seen : null;
}

describe('disclosure against an attacker who solves the table', () => {
  it('frequency tables: no hidden count can be worked out from the total', () => {
    const cells = fc.array(fc.nat(12), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(cells, fc.integer({ min: 3, max: 6 }), (values, k) => {
        const total = values.reduce((s, v) => s + v, 0);
        const result = discloseFrequencies(
          values.map((count, i) => ({ key: `o${i}`, count })),
          total,
          k,
        );
        if (result.tooFew) return;
        const hidden = values.filter((_, i) => result.cells[i]?.count === null);
        expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
        // Two hidden counts with at least one above 0 can trade a unit, so neither is determined.
        if (hidden.length > 0) expect(hidden.some((v) => v > 0)).toBe(true);
        for (const [i, v] of values.entries()) if (v >= 1 && v < k) expect(result.cells[i]?.count).toBeNull();
      }),
    );
  });

  it('cross-tables: every hidden count and hidden margin can take more than one value', () => {
    const shape = fc
      .record({ rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 1, max: 3 }) })
      .chain(({ rows, cols }) => fc.array(fc.array(fc.nat(9), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(shape, (counts) => {
        const result = discloseCrossTable(counts);
        if (result.tooFew) return;
        for (const [i, row] of counts.entries()) for (const [j, v] of row.entries()) if (v >= 1 && v < 5) expect(result.cells[i]?.[j]?.count).toBeNull();
        const values = possibleValues(counts, result);
        if (values === null) return; // too many tables to enumerate: not a finding either way
        // A hidden 0 that can be worked out gives away nothing the rules would not show anyway.
        const truth = (figure: string) => {
          const [kind, at = ''] = figure.split(' ');
          const [i = 0, j = 0] = at.split(',').map(Number);
          if (kind === 'cell') return counts[i]?.[j] ?? 0;
          if (kind === 'row') return (counts[i] ?? []).reduce((s, v) => s + v, 0);
          return counts.reduce((s, row) => s + (row[i] ?? 0), 0);
        };
        for (const [figure, options] of values) if (truth(figure) > 0) expect({ figure, possible: options.size > 1 }).toEqual({ figure, possible: true });
      }),
      {
        numRuns: 300,
        // Tables where every row and column has two hidden counts or none, yet several additions
        // together pin one down: only the engine's solver catches these, so they are always tried.
        examples: [
          [
            [
              [0, 1, 1],
              [0, 0, 1],
              [1, 1, 5],
            ],
          ],
          [
            [
              [1, 0, 1],
              [0, 1, 1],
              [1, 1, 6],
            ],
          ],
        ],
      },
    );
  });
});
