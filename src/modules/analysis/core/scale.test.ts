import fc from 'fast-check';
import * as ss from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { analyseScale } from './scale.ts';
import type { ScaleCounts } from './types.ts';

const likert: ScaleCounts = {
  question: 'samenwerking',
  item: 'gelijkwaardig',
  values: [
    { value: 1, count: 2 },
    { value: 2, count: 3 },
    { value: 3, count: 5 },
    { value: 4, count: 6 },
    { value: 5, count: 4 },
  ],
  noOpinion: 3,
  eligible: 25,
};

const expand = (values: { value: number; count: number }[]) => values.flatMap(({ value, count }) => Array<number>(count).fill(value));

/** R's default quantile (type 7) on raw data, as a reference. */
function type7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const low = sorted[Math.floor(h)] ?? Number.NaN;
  const high = sorted[Math.ceil(h)] ?? Number.NaN;
  return low + (h - Math.floor(h)) * (high - low);
}

describe('analyseScale', () => {
  it('gives valid n, no opinion, missing and the distribution', () => {
    const result = analyseScale(likert);
    expect(result).toMatchObject({ item: 'gelijkwaardig', validN: 20, noOpinion: 3, missing: 2, eligible: 25, quantileMethod: 'linear_type7' });
    expect(result.distribution.map((r) => r.percent)).toEqual([10, 15, 25, 30, 20]);
  });

  it('matches R for the worked example: mean 3.35, sd 1.268028, quartiles 2.75 / 3.5 / 4', () => {
    // R: x <- rep(1:5, c(2, 3, 5, 6, 4)); mean(x); sd(x); quantile(x) → 3.35, 1.268028, 1 2.75 3.5 4 5
    const { statsExact, stats } = analyseScale(likert);
    expect(statsExact?.mean).toBeCloseTo(3.35, 12);
    expect(statsExact?.sd).toBeCloseTo(1.268028, 6);
    expect(statsExact).toMatchObject({ min: 1, q1: 2.75, median: 3.5, q3: 4, max: 5 });
    // 2.75 rounds half up to 2.8; 3.35 to 3.4.
    expect(stats).toEqual({ mean: 3.4, sd: 1.3, min: 1, q1: 2.8, median: 3.5, q3: 4, max: 5 });
  });

  it('has no SD for one value and no statistics without values', () => {
    expect(analyseScale({ ...likert, values: [{ value: 4, count: 1 }] }).statsExact).toEqual({ mean: 4, sd: null, min: 4, q1: 4, median: 4, q3: 4, max: 4 });
    const empty = analyseScale({ ...likert, values: [{ value: 4, count: 0 }] });
    expect(empty.stats).toBeNull();
    expect(empty.distribution[0]?.percent).toBeNull();
  });

  it('refuses inconsistent counts', () => {
    expect(() => analyseScale({ ...likert, eligible: 22 })).toThrow(/more than eligible/);
    expect(() => analyseScale({ ...likert, values: [...likert.values, { value: 5, count: 1 }] })).toThrow(/twice/);
    expect(() => analyseScale({ ...likert, noOpinion: -1 })).toThrow(RangeError);
  });

  it('agrees with simple-statistics and R type 7 on the data the counts stand for', () => {
    const counts = fc.array(fc.record({ value: fc.integer({ min: -3, max: 10 }), count: fc.integer({ min: 0, max: 30 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(counts, (raw) => {
        const values = [...new Map(raw.map((v) => [v.value, v])).values()];
        const data = expand(values).sort((a, b) => a - b);
        const stats = analyseScale({ question: 'q', values, noOpinion: 0, eligible: data.length }).statsExact;
        if (data.length === 0) {
          expect(stats).toBeNull();
          return;
        }
        expect(stats?.mean).toBeCloseTo(ss.mean(data), 9);
        expect(stats?.median).toBeCloseTo(ss.median(data), 12);
        expect(stats?.min).toBe(ss.min(data));
        expect(stats?.max).toBe(ss.max(data));
        if (data.length > 1) expect(stats?.sd).toBeCloseTo(ss.sampleStandardDeviation(data), 9);
        expect(stats?.q1).toBeCloseTo(type7(data, 0.25), 12);
        expect(stats?.q3).toBeCloseTo(type7(data, 0.75), 12);
      }),
    );
  });
});
