import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseChoice } from './frequencies.ts';
import { mergeChoiceCounts, mergeScaleCounts } from './merge.ts';
import { analyseScale } from './scale.ts';
import type { ChoiceCounts, ScaleCounts } from './types.ts';

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** One respondent shown the question: null = skipped it, otherwise the options chosen. */
type Respondent = string[] | null;

const singleRespondent = (options: number) => fc.option(fc.constantFrom(...KEYS.slice(0, options)).map((key) => [key]));
const multipleRespondent = (options: number) => fc.option(fc.subarray(KEYS.slice(0, options), { minLength: 1 }));

/** What the database's GROUP BY returns for these respondents. */
function aggregate(question: string, multiple: boolean, options: number, people: Respondent[]): ChoiceCounts {
  const answered = people.filter((p) => p !== null);
  return {
    question,
    multiple,
    eligible: people.length,
    answered: answered.length,
    options: KEYS.slice(0, options).map((key) => ({ key, count: answered.filter((p) => p.includes(key)).length })),
  };
}

const singleData = fc
  .integer({ min: 1, max: 6 })
  .chain((options) => fc.record({ options: fc.constant(options), people: fc.array(singleRespondent(options), { maxLength: 300 }) }));

describe('choice analysis properties', () => {
  it('single-choice percentages add up to 100 within the rounding tolerance', () => {
    fc.assert(
      fc.property(singleData, fc.integer({ min: 0, max: 3 }), ({ options, people }, decimals) => {
        const result = analyseChoice(aggregate('q', false, options, people), { decimals });
        if (result.validN === 0) return;
        const sum = result.rows.reduce((total, r) => total + (r.percent ?? 0), 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(options * 0.5 * 10 ** -decimals + 1e-9);
        const exactSum = result.rows.reduce((total, r) => total + (r.percentExact ?? 0), 0);
        expect(exactSum).toBeCloseTo(100, 9);
      }),
    );
  });

  it('never counts more than the valid n, and valid n plus missing is the number shown the item', () => {
    const data = fc
      .integer({ min: 1, max: 6 })
      .chain((options) =>
        fc.record({ options: fc.constant(options), multiple: fc.boolean(), people: fc.array(multipleRespondent(options), { maxLength: 200 }) }),
      );
    fc.assert(
      fc.property(data, ({ options, multiple, people }) => {
        const shaped = multiple ? people : people.map((p) => (p ? p.slice(0, 1) : p));
        const result = analyseChoice(aggregate('q', multiple, options, shaped));
        expect(result.validN + result.missing).toBe(people.length);
        for (const row of result.rows) {
          expect(row.count).toBeLessThanOrEqual(row.validN);
          expect(row.percentExact ?? 0).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('merging the counts of two groups gives the same analysis as the union of their respondents', () => {
    const data = fc.integer({ min: 1, max: 6 }).chain((options) =>
      fc.record({
        options: fc.constant(options),
        multiple: fc.boolean(),
        first: fc.array(multipleRespondent(options), { maxLength: 100 }),
        second: fc.array(multipleRespondent(options), { maxLength: 100 }),
      }),
    );
    fc.assert(
      fc.property(data, ({ options, multiple, first, second }) => {
        const shape = (people: Respondent[]) => (multiple ? people : people.map((p) => (p ? p.slice(0, 1) : p)));
        const merged = mergeChoiceCounts(aggregate('q', multiple, options, shape(first)), aggregate('q', multiple, options, shape(second)));
        const union = aggregate('q', multiple, options, [...shape(first), ...shape(second)]);
        expect(analyseChoice(merged)).toEqual(analyseChoice(union));
      }),
    );
  });
});

describe('scale analysis properties', () => {
  /** One respondent: a scale value, "no opinion" or skipped. */
  const answer = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('no_opinion' as const), fc.constant(null));
  const aggregateScale = (people: (number | 'no_opinion' | null)[]): ScaleCounts => ({
    question: 'likert',
    eligible: people.length,
    noOpinion: people.filter((p) => p === 'no_opinion').length,
    values: [1, 2, 3, 4, 5].map((value) => ({ value, count: people.filter((p) => p === value).length })),
  });

  it('merging gives the same result as the union (up to floating-point summation order)', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 100 }), fc.array(answer, { maxLength: 100 }), (first, second) => {
        const merged = analyseScale(mergeScaleCounts(aggregateScale(first), aggregateScale(second)));
        const union = analyseScale(aggregateScale([...first, ...second]));
        expect(merged.stats).toEqual(union.stats);
        expect(merged.distribution).toEqual(union.distribution);
        expect({ ...merged, statsExact: null }).toEqual({ ...union, statsExact: null });
        if (merged.statsExact && union.statsExact) expect(merged.statsExact.mean).toBeCloseTo(union.statsExact.mean, 10);
      }),
    );
  });

  it('keeps min ≤ q1 ≤ median ≤ q3 ≤ max and the mean between min and max', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 100 }), (people) => {
        const stats = analyseScale(aggregateScale(people)).statsExact;
        if (!stats) return;
        expect(stats.min).toBeLessThanOrEqual(stats.q1);
        expect(stats.q1).toBeLessThanOrEqual(stats.median);
        expect(stats.median).toBeLessThanOrEqual(stats.q3);
        expect(stats.q3).toBeLessThanOrEqual(stats.max);
        expect(stats.mean).toBeGreaterThanOrEqual(stats.min - 1e-12);
        expect(stats.mean).toBeLessThanOrEqual(stats.max + 1e-12);
      }),
    );
  });
});
