import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fisherExact } from './fisher.ts';

/** Two-sided Fisher p by brute force with plain factorials: fine for small tables. */
function naiveFisher([[a, b], [c, d]]: [[number, number], [number, number]]): number {
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  const [row1, row2, col1, n] = [a + b, c + d, a + c, a + b + c + d];
  const probability = (x: number) =>
    (factorial(row1) * factorial(row2) * factorial(col1) * factorial(n - col1)) /
    (factorial(n) * factorial(x) * factorial(row1 - x) * factorial(col1 - x) * factorial(row2 - col1 + x));
  const observed = probability(a);
  let p = 0;
  for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) if (probability(x) <= observed * (1 + 1e-7)) p += probability(x);
  return p;
}

describe('fisherExact (two-sided)', () => {
  it('gives p = 0.4857 for the lady tasting tea, [[3, 1], [1, 3]]', () => {
    // R: fisher.test(matrix(c(3, 1, 1, 3), nrow = 2)) → p-value = 0.4857 (= 34/70).
    const result = fisherExact([
      [3, 1],
      [1, 3],
    ]);
    expect(result.pExact).toBeCloseTo(34 / 70, 12);
    expect(result.p).toBe(0.486);
    expect(result).toMatchObject({ test: 'fisher_exact', alternative: 'two_sided', pRounding: { rule: 'half_up', decimals: 3 } });
  });

  it('gives p = 0.0005367 for R’s convictions example', () => {
    // R: fisher.test(matrix(c(2, 10, 15, 3), nrow = 2)) → p-value = 0.0005367 (scipy: 0.0005367241191434358).
    const result = fisherExact([
      [2, 15],
      [10, 3],
    ]);
    expect(result.pExact).toBeCloseTo(0.0005367241191434358, 12);
    expect(result.p).toBe(0.001);
  });

  it('gives 1 when a margin is 0 and stays finite for large counts', () => {
    expect(
      fisherExact([
        [0, 0],
        [4, 5],
      ]).pExact,
    ).toBeCloseTo(1, 12);
    const large = fisherExact([
      [500, 300],
      [300, 500],
    ]);
    expect(large.pExact).toBeGreaterThanOrEqual(0);
    expect(large.pExact).toBeLessThan(1e-20);
  });

  it('refuses anything but a 2 × 2 table of counts', () => {
    expect(() =>
      fisherExact([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(RangeError);
    expect(() => fisherExact([[1, 2]])).toThrow(RangeError);
    expect(() =>
      fisherExact([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(RangeError);
  });

  it('agrees with brute force, and with itself after swapping rows or transposing', () => {
    const cell = fc.nat(12);
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const p = fisherExact([
          [a, b],
          [c, d],
        ]).pExact;
        expect(p).toBeCloseTo(
          naiveFisher([
            [a, b],
            [c, d],
          ]),
          9,
        );
        expect(
          fisherExact([
            [c, d],
            [a, b],
          ]).pExact,
        ).toBeCloseTo(p, 9);
        expect(
          fisherExact([
            [a, c],
            [b, d],
          ]).pExact,
        ).toBeCloseTo(p, 9);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
  });
});
