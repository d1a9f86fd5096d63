import { describe, expect, it } from 'vitest';
import { crossTabulate, transpose } from './crosstab.ts';
import { mergeCrossCounts } from './merge.ts';

describe('crossTabulate', () => {
  const table = {
    rows: ['ervaringswerker', 'professional'],
    cols: ['ja', 'nee', 'weet niet'],
    counts: [
      [12, 6, 2],
      [5, 25, 0],
    ],
  };

  it('gives margins and row, column and total percentages', () => {
    const result = crossTabulate(table);
    expect(result.rowTotals).toEqual([20, 30]);
    expect(result.colTotals).toEqual([17, 31, 2]);
    expect(result.total).toBe(50);
    expect(result.cells[0]?.[0]).toMatchObject({ count: 12, rowPercent: 60, colPercent: 70.6, totalPercent: 24 });
    expect(result.cells[1]?.[1]).toMatchObject({ count: 25, rowPercent: 83.3, colPercent: 80.6, totalPercent: 50 });
    expect(result.rounding.decimals).toBe(1);
  });

  it('gives null percentages where a margin is 0, and whole percents when asked', () => {
    const result = crossTabulate(
      {
        rows: ['a', 'b'],
        cols: ['x', 'y'],
        counts: [
          [0, 0],
          [1, 2],
        ],
      },
      { decimals: 0 },
    );
    expect(result.cells[0]?.[0]).toMatchObject({ rowPercent: null, colPercent: 0, totalPercent: 0 });
    expect(result.cells[1]?.[1]).toMatchObject({ rowPercent: 67, colPercent: 100 });
  });

  it('refuses a table whose counts do not fit its labels', () => {
    expect(() => crossTabulate({ rows: ['a'], cols: ['x', 'y'], counts: [[1]] })).toThrow(RangeError);
    expect(() => crossTabulate({ rows: ['a', 'b'], cols: ['x'], counts: [[1]] })).toThrow(RangeError);
    expect(() => crossTabulate({ rows: ['a'], cols: ['x'], counts: [[-1]] })).toThrow(RangeError);
    expect(() => crossTabulate({ rows: ['a', 'a'], cols: ['x'], counts: [[1], [2]] })).toThrow(/twice/);
  });

  it('transposes', () => {
    expect(transpose(table)).toEqual({
      rows: table.cols,
      cols: table.rows,
      counts: [
        [12, 5],
        [6, 25],
        [2, 0],
      ],
    });
  });

  it('adds two tables cell by cell, matching rows and columns by label', () => {
    const merged = mergeCrossCounts(table, {
      rows: ['professional', 'beleid'],
      cols: ['nee', 'ja'],
      counts: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(merged).toEqual({
      rows: ['ervaringswerker', 'professional', 'beleid'],
      cols: ['ja', 'nee', 'weet niet'],
      counts: [
        [12, 6, 2],
        [7, 26, 0],
        [4, 3, 0],
      ],
    });
  });
});
