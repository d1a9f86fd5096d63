import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentOf, roundHalfUp, roundingRule } from './rounding.ts';

/** count / n × 100 rounded half up, in whole-number arithmetic only: the reference for percentages. */
function exactPercent(count: number, n: number, decimals: number): number {
  const scaled = Math.floor((2 * count * 100 * 10 ** decimals + n) / (2 * n));
  return Number(`${scaled}e-${decimals}`);
}

describe('roundHalfUp', () => {
  it.each([
    [48.85, 1, 48.9],
    [2.45, 1, 2.5],
    [1.005, 2, 1.01],
    [8.575, 2, 8.58],
    [0.5, 0, 1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [48.8095, 1, 48.8],
    [25.842696629213485, 0, 26],
    [4.545454545454546, 0, 5],
    [1e21, 1, 1e21],
    [1.23e-7, 1, 0],
    [5e-7, 6, 0.000001],
    [0, 2, 0],
  ])('rounds %d to %i decimals as %d', (x, decimals, expected) => {
    expect(roundHalfUp(x, decimals)).toBe(expected);
  });

  it('rounds halves away from zero for negative numbers, and never returns −0', () => {
    expect(roundHalfUp(-2.45, 1)).toBe(-2.5);
    expect(roundHalfUp(-48.85, 1)).toBe(-48.9);
    expect(roundHalfUp(-0.5, 0)).toBe(-1);
    expect(roundHalfUp(-2.44, 1)).toBe(-2.4);
    expect(Object.is(roundHalfUp(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0, 1), 0)).toBe(true);
  });

  it('refuses impossible decimals and non-finite numbers', () => {
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.NaN, 1)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });

  it('rounds every percentage count / n exactly as whole-number arithmetic does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.nat(), fc.integer({ min: 0, max: 3 }), (n, raw, decimals) => {
        const count = raw % (n + 1);
        expect(roundHalfUp(percentOf(count, n), decimals)).toBe(exactPercent(count, n, decimals));
      }),
    );
  });

  it('stays within half a unit, is symmetric around 0 and is idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, decimals) => {
        const rounded = roundHalfUp(x, decimals);
        expect(Math.abs(rounded - x)).toBeLessThanOrEqual(0.5 * 10 ** -decimals * (1 + 1e-9) + 1e-9);
        expect(roundHalfUp(-x, decimals)).toBe(rounded === 0 ? 0 : -rounded);
        expect(roundHalfUp(rounded, decimals)).toBe(rounded);
      }),
    );
  });
});

describe('roundingRule', () => {
  it('states the rule as data and in words', () => {
    expect(roundingRule(1)).toEqual({
      rule: 'half_up',
      decimals: 1,
      text: { nl: 'Afgerond op 1 decimaal; een 5 wordt naar boven afgerond.', en: 'Rounded to 1 decimal; a 5 is rounded up.' },
    });
    expect(roundingRule(0).text.nl).toBe('Afgerond op een geheel getal; een 5 wordt naar boven afgerond.');
    expect(roundingRule(3).text.en).toBe('Rounded to 3 decimals; a 5 is rounded up.');
  });
});
