import { describe, expect, it } from 'vitest';
import { cohensD, cramersV, toEffect } from './effect-size.ts';

describe('cohensD', () => {
  it('matches hand computations', () => {
    expect(cohensD({ n: 10, mean: 4, sd: 1 }, { n: 10, mean: 3, sd: 1 })).toBeCloseTo(1, 12);
    // Pooled variance (4·2² + 6·1²) / 10 = 2.2, so d = 1 / √2.2 = 0.674200.
    expect(cohensD({ n: 5, mean: 3, sd: 2 }, { n: 7, mean: 2, sd: 1 })).toBeCloseTo(0.6742, 4);
    expect(cohensD({ n: 7, mean: 2, sd: 1 }, { n: 5, mean: 3, sd: 2 })).toBeCloseTo(-0.6742, 4);
  });

  it('is null when it cannot be computed', () => {
    expect(cohensD({ n: 0, mean: 0, sd: null }, { n: 5, mean: 3, sd: 1 })).toBeNull();
    expect(cohensD({ n: 1, mean: 4, sd: null }, { n: 1, mean: 3, sd: null })).toBeNull();
    expect(cohensD({ n: 4, mean: 3, sd: 0 }, { n: 4, mean: 3, sd: 0 })).toBeNull();
  });
});

describe('cramersV', () => {
  it('is 1 for a perfect association and 0 without one', () => {
    // [[10, 0], [0, 10]]: χ² = 20, n = 20.
    expect(cramersV(20, 20, 2, 2)).toBe(1);
    expect(cramersV(0, 20, 2, 3)).toBe(0);
    expect(cramersV(30.070149, 2757, 2, 3)).toBeCloseTo(0.104436, 6);
    expect(cramersV(1, 20, 1, 3)).toBeNull();
  });

  it('rounds to two decimals in an Effect', () => {
    expect(toEffect('cohens_d', 0.6742)).toEqual({ measure: 'cohens_d', value: 0.67, exact: 0.6742 });
    expect(toEffect('cramers_v', null)).toBeNull();
  });
});
