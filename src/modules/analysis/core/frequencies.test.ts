import { describe, expect, it } from 'vitest';
import { analyseChoice } from './frequencies.ts';
import type { ChoiceCounts } from './types.ts';

const single: ChoiceCounts = {
  question: 'sector',
  multiple: false,
  answered: 40,
  eligible: 50,
  options: [
    { key: 'ggz', count: 25 },
    { key: 'verslavingszorg', count: 10 },
    { key: 'jeugdhulp', count: 5 },
    { key: 'andere', count: 0 },
  ],
};

const multiple: ChoiceCounts = {
  question: 'omkadering',
  multiple: true,
  answered: 20,
  eligible: 25,
  exclusive: ['geen'],
  options: [
    { key: 'coaching', count: 12 },
    { key: 'intervisie', count: 10 },
    { key: 'opleiding', count: 3 },
    { key: 'geen', count: 4 },
  ],
};

describe('analyseChoice, single choice', () => {
  it('gives valid n, missing and percentages of valid n', () => {
    const result = analyseChoice(single);
    expect(result).toMatchObject({ kind: 'single', validN: 40, missing: 10, eligible: 50, responses: null });
    expect(result.rows.map((r) => [r.key, r.count, r.percent])).toEqual([
      ['ggz', 25, 62.5],
      ['verslavingszorg', 10, 25],
      ['jeugdhulp', 5, 12.5],
      ['andere', 0, 0],
    ]);
    expect(result.rows[0]).toMatchObject({ validN: 40, missing: 10, exclusive: false, percentOfResponses: null });
    expect(result.rows[0]?.interval).toMatchObject({ lower: 47, upper: 75.8 });
  });

  it('refuses counts that do not add up to the valid n', () => {
    expect(() => analyseChoice({ ...single, answered: 41, eligible: 50 })).toThrow(/add up to 40/);
    expect(() => analyseChoice({ ...single, answered: 40, eligible: 39 })).toThrow(RangeError);
    expect(() => analyseChoice({ ...single, options: [{ key: 'ggz', count: 40, answered: 40 }] })).toThrow(/single-choice/);
    expect(() => analyseChoice({ ...single, options: [...single.options, { key: 'ggz', count: 0 }] })).toThrow(/twice/);
  });

  it('gives null percentages when nobody answered', () => {
    const result = analyseChoice({ ...single, answered: 0, options: single.options.map((o) => ({ ...o, count: 0 })) });
    expect(result.rows.every((r) => r.percent === null && r.interval === null)).toBe(true);
  });
});

describe('analyseChoice, multiple response', () => {
  it('gives percent of cases and percent of responses, leaving exclusive options out of the responses', () => {
    const result = analyseChoice(multiple);
    expect(result).toMatchObject({ kind: 'multiple', validN: 20, missing: 5, responses: 25, responsesPerCase: 1.3, responsesPerCaseExact: 1.25 });
    expect(result.rows.map((r) => [r.key, r.percent, r.percentOfResponses, r.exclusive])).toEqual([
      ['coaching', 60, 48, false],
      ['intervisie', 50, 40, false],
      ['opleiding', 15, 12, false],
      ['geen', 20, null, true],
    ]);
  });

  it('checks exclusive options and per-option valid n', () => {
    expect(() => analyseChoice({ ...multiple, exclusive: ['niets'] })).toThrow(/not among/);
    expect(() => analyseChoice({ ...multiple, options: [{ key: 'geen', count: 21 }] })).toThrow(RangeError);
    expect(() => analyseChoice({ ...multiple, options: [{ key: 'coaching', count: 12, answered: 11 }] })).toThrow(/valid n/);
    expect(() => analyseChoice({ ...multiple, options: [{ key: 'coaching', count: 12, answered: 21 }] })).toThrow(/answered/);
  });
});
