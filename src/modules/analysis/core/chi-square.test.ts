import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareTest, testIndependence } from './chi-square.ts';
import { transpose } from './crosstab.ts';

describe('chiSquareTest', () => {
  it('reproduces R’s chisq.test on the textbook 2 × 3 table (Agresti 2007, gender × party)', () => {
    // From R's ?chisq.test example: M <- as.table(rbind(c(762, 327, 468), c(484, 239, 477))); chisq.test(M)
    // prints "X-squared = 30.07, df = 2, p-value = 2.954e-07". More digits (same test, no correction, in
    // scipy.stats.chi2_contingency): 30.070149095754672 and 2.9535891832117595e-07.
    const result = chiSquareTest({
      rows: ['F', 'M'],
      cols: ['Democrat', 'Independent', 'Republican'],
      counts: [
        [762, 327, 468],
        [484, 239, 477],
      ],
    });
    expect(result?.statisticExact).toBeCloseTo(30.070149095754672, 9);
    expect(result?.statistic).toBe(30.07);
    expect(result?.df).toBe(2);
    expect(result?.pExact).toBeCloseTo(2.954e-7, 10);
    expect((result?.pExact ?? 0) / 2.9535891832117595e-7).toBeCloseTo(1, 6);
    expect(result?.p).toBe(0);
    expect(result?.cramersVExact).toBeCloseTo(Math.sqrt(30.070149095754672 / 2757), 10);
    expect(result?.warning).toBeNull();
    expect(result?.rounding.decimals).toBe(2);
    expect(result?.pRounding.decimals).toBe(3);
  });

  it('matches a 2 × 2 table worked out by hand (Pearson, no continuity correction)', () => {
    // Expected counts: 19·17/33 = 9.7879, 19·16/33 = 9.2121, 14·17/33 = 7.2121, 14·16/33 = 6.7879;
    // Σ (O − E)² / E = 2.43058, df 1, p = 0.11899 (scipy: 2.4305755196815575, 0.118989205532145).
    const result = chiSquareTest({
      rows: ['a', 'b'],
      cols: ['x', 'y'],
      counts: [
        [12, 7],
        [5, 9],
      ],
    });
    expect(result?.statisticExact).toBeCloseTo(2.4305755196815575, 10);
    expect(result?.pExact).toBeCloseTo(0.118989205532145, 10);
    expect(result?.expected[0]?.[0]).toBeCloseTo((19 * 17) / 33, 12);
    expect(result?.warning).toBeNull();
  });

  it('warns with caution when a few expected counts are below 5', () => {
    // Margins 100, 100, 30 both ways: only the corner expects 30·30/230 = 3.91, 1 of 9 cells (11%).
    const result = chiSquareTest({
      rows: ['a', 'b', 'c'],
      cols: ['x', 'y', 'z'],
      counts: [
        [45, 45, 10],
        [45, 45, 10],
        [10, 10, 10],
      ],
    });
    expect(result?.cellsBelow5).toBe(1);
    expect(result?.minExpected).toBeCloseTo(900 / 230, 12);
    expect(result?.warning?.level).toBe('caution');
    expect(result?.warning?.text.nl).toBe(
      '1 van de 9 cellen heeft een verwachte frequentie kleiner dan 5 (de kleinste is 3,91). Lees de p-waarde met voorzichtigheid.',
    );
    expect(result?.rule.en).toMatch(/more than 20% of the cells are below 5, or any cell is below 1/);
  });

  it('calls the p-value unreliable when more than 20% of the cells expect fewer than 5, and points to Fisher for 2 × 2', () => {
    const result = chiSquareTest({
      rows: ['a', 'b'],
      cols: ['x', 'y'],
      counts: [
        [3, 1],
        [1, 3],
      ],
    });
    expect(result?.cellsBelow5).toBe(4);
    expect(result?.warning?.level).toBe('unreliable');
    expect(result?.warning?.text.en).toMatch(/not reliable\. Look at Fisher’s exact test\.$/);
  });

  it('leaves out empty rows and columns, and gives null when nothing is left to test', () => {
    const result = chiSquareTest({
      rows: ['a', 'b', 'c'],
      cols: ['x', 'y', 'z'],
      counts: [
        [12, 7, 0],
        [0, 0, 0],
        [5, 9, 0],
      ],
    });
    expect(result).toMatchObject({ droppedRows: ['b'], droppedCols: ['z'], df: 1 });
    expect(result?.statisticExact).toBeCloseTo(2.4305755196815575, 10);
    expect(
      chiSquareTest({
        rows: ['a', 'b'],
        cols: ['x', 'y'],
        counts: [
          [3, 0],
          [4, 0],
        ],
      }),
    ).toBeNull();
  });

  it('is the same when rows and columns are swapped', () => {
    const table = fc
      .record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 5 }) })
      .chain(({ rows, cols }) => fc.array(fc.array(fc.nat(60), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(table, (counts) => {
        const input = { rows: counts.map((_, i) => `r${i}`), cols: (counts[0] ?? []).map((_, j) => `c${j}`), counts };
        const straight = chiSquareTest(input);
        const swapped = chiSquareTest(transpose(input));
        if (straight === null || swapped === null) {
          expect(swapped).toBe(straight);
          return;
        }
        expect(swapped.statisticExact).toBeCloseTo(straight.statisticExact, 8);
        expect(swapped.pExact).toBeCloseTo(straight.pExact, 10);
        expect(swapped.df).toBe(straight.df);
        expect(swapped.cramersVExact).toBeCloseTo(straight.cramersVExact, 10);
        expect(swapped.cellsBelow5).toBe(straight.cellsBelow5);
        expect(swapped.warning?.level).toBe(straight.warning?.level);
        expect(straight.pExact).toBeGreaterThanOrEqual(0);
        expect(straight.pExact).toBeLessThanOrEqual(1);
        expect(straight.cramersVExact).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('testIndependence', () => {
  it('adds Fisher’s exact test for a 2 × 2 table only', () => {
    expect(
      testIndependence({
        rows: ['a', 'b'],
        cols: ['x', 'y'],
        counts: [
          [3, 1],
          [1, 3],
        ],
      }).fisher?.pExact,
    ).toBeCloseTo(0.4857142857, 9);
    expect(
      testIndependence({
        rows: ['a', 'b'],
        cols: ['x', 'y', 'z'],
        counts: [
          [3, 1, 1],
          [1, 3, 1],
        ],
      }).fisher,
    ).toBeNull();
  });
});
