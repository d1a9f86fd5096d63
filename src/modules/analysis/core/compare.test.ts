import { describe, expect, it } from 'vitest';
import { compareGroups, compareRounds } from './compare.ts';
import type { ItemSet } from './types.ts';

const labels = { a: { nl: 'ervaringswerkers', en: 'experience workers' }, b: { nl: 'professionals', en: 'professionals' } };

const experienceWorkers: ItemSet = {
  choices: [
    {
      question: 'rollen',
      multiple: true,
      answered: 40,
      eligible: 40,
      options: [
        { key: 'kritische_stem', count: 30 },
        { key: 'brugfiguur', count: 10 },
        { key: 'signaalfunctie', count: 20, answered: 38 },
      ],
    },
    {
      question: 'sector',
      multiple: false,
      answered: 40,
      eligible: 40,
      options: [
        { key: 'ggz', count: 30 },
        { key: 'jeugd', count: 10 },
      ],
    },
    { question: 'alleen_hier', multiple: false, answered: 1, eligible: 1, options: [{ key: 'x', count: 1 }] },
  ],
  scales: [
    {
      question: 'gelijkwaardig',
      values: [
        { value: 2, count: 10 },
        { value: 4, count: 10 },
      ],
      noOpinion: 0,
      eligible: 20,
    },
    { question: 'matrix', item: 'stem', values: [{ value: 3, count: 4 }], noOpinion: 0, eligible: 4 },
  ],
};

const professionals: ItemSet = {
  choices: [
    {
      question: 'rollen',
      multiple: true,
      answered: 50,
      eligible: 55,
      options: [
        { key: 'kritische_stem', count: 15 },
        { key: 'brugfiguur', count: 30 },
        { key: 'signaalfunctie', count: 25 },
      ],
    },
    {
      question: 'sector',
      multiple: false,
      answered: 50,
      eligible: 50,
      options: [
        { key: 'ggz', count: 20 },
        { key: 'jeugd', count: 30 },
      ],
    },
  ],
  scales: [
    {
      question: 'gelijkwaardig',
      values: [
        { value: 1, count: 10 },
        { value: 3, count: 10 },
      ],
      noOpinion: 2,
      eligible: 22,
    },
    { question: 'matrix', item: 'stem', values: [{ value: 3, count: 0 }], noOpinion: 4, eligible: 4 },
  ],
};

/** |φ| of [[a, b], [c, d]], which is Cramér's V for a 2 × 2 table. */
const phi = (a: number, b: number, c: number, d: number) => Math.abs(a * d - b * c) / Math.sqrt((a + b) * (c + d) * (a + c) * (b + d));

describe('compareGroups', () => {
  const result = compareGroups(experienceWorkers, professionals, labels);

  it('gives the gap in percentage points per option, sorted by absolute gap', () => {
    expect(result.choiceGaps.map((g) => [`${g.question}/${g.option}`, g.gap])).toEqual([
      ['rollen/kritische_stem', 45],
      ['rollen/brugfiguur', -35],
      ['sector/ggz', 35],
      ['sector/jeugd', -35],
      ['rollen/signaalfunctie', 2.6],
    ]);
    const stem = result.choiceGaps.find((g) => g.option === 'kritische_stem');
    expect(stem).toMatchObject({ a: { count: 30, validN: 40, percent: 75 }, b: { count: 15, validN: 50, percent: 30 }, gap: 45, gapExact: 45 });
    expect(stem?.effect?.exact).toBeCloseTo(phi(30, 10, 15, 35), 12);
    expect(stem?.effect?.measure).toBe('cramers_v');
  });

  it('uses each option’s own valid n', () => {
    const signal = result.choiceGaps.find((g) => g.option === 'signaalfunctie');
    expect(signal?.a).toMatchObject({ validN: 38, percent: 52.6 });
    expect(signal?.gapExact).toBeCloseTo((20 / 38) * 100 - 50, 12);
    expect(signal?.gap).toBe(2.6);
  });

  it('gives the gap in means and Cohen’s d for scales, in the direction of the gap', () => {
    // Means 3 and 2; both SDs √(10·1² + 10·1²)/19 = √(20/19), so d = 1 / √(20/19).
    expect(result.scaleGaps).toHaveLength(1);
    expect(result.scaleGaps[0]).toMatchObject({ question: 'gelijkwaardig', item: null, gap: 1, a: { mean: 3, validN: 20 }, b: { mean: 2, validN: 20 } });
    expect(result.scaleGaps[0]?.effect?.exact).toBeCloseTo(1 / Math.sqrt(20 / 19), 12);
  });

  it('gives Cramér’s V over all options for single-choice questions', () => {
    expect(result.questionEffects).toHaveLength(1);
    expect(result.questionEffects[0]?.effect?.exact).toBeCloseTo(phi(30, 10, 20, 30), 12);
  });

  it('lists what it could not compare, and says what the gap means', () => {
    expect(result.notCompared).toEqual(['alleen_hier', 'matrix/stem']);
    expect(result.definition.nl).toMatch(/^Verschil = ervaringswerkers min professionals: in procentpunten/);
    expect(result.rounding.decimals).toBe(1);
    expect(result.effectRounding.decimals).toBe(2);
  });
});

describe('compareRounds', () => {
  it('gives the change from round A to round B with the same shapes', () => {
    const roundLabels = { a: { nl: 'ronde 2024', en: 'round 2024' }, b: { nl: 'ronde 2025', en: 'round 2025' } };
    const result = compareRounds(experienceWorkers, professionals, roundLabels);
    expect(result.kind).toBe('rounds');
    expect(result.choiceGaps.find((g) => g.option === 'kritische_stem')?.gap).toBe(-45);
    expect(result.scaleGaps[0]?.gap).toBe(-1);
    expect(result.scaleGaps[0]?.effect?.exact).toBeCloseTo(-1 / Math.sqrt(20 / 19), 12);
    expect(result.definition.en).toMatch(/^Change = round 2025 minus round 2024/);
  });

  it('gives no gaps between identical rounds', () => {
    const result = compareRounds(experienceWorkers, experienceWorkers, labels);
    expect(result.choiceGaps.every((g) => Object.is(g.gapExact, 0) && (g.effect === null || g.effect.value === 0))).toBe(true);
    expect(result.scaleGaps.every((g) => g.gap === 0)).toBe(true);
  });
});
