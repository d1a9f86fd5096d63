import { describe, expect, it } from 'vitest';
import { analyseChoice } from './frequencies.ts';
import { roundHalfUp } from './rounding.ts';
import type { ChoiceCounts } from './types.ts';

/**
 * The seed's published figures (shared/data/seed-figures.json, the slides "Rollen die
 * ervaringsdeskundigen opnemen (Tabel 4)" and "Percentages"), copied here with the counts that
 * reproduce them. Rounding is half up to the decimals the slides print.
 */

const percentByKey = (rows: { key: string; percent: number | null }[]) => Object.fromEntries(rows.map((r) => [r.key, r.percent]));

describe('the seed’s roles table (multiple response, n = 89, each item its own valid n)', () => {
  const roles: ChoiceCounts = {
    question: 'rollen',
    multiple: true,
    answered: 89,
    eligible: 89,
    exclusive: ['geen_specifieke_rol'],
    options: [
      { key: 'kritische_stem', count: 41, answered: 84 },
      { key: 'brugfiguur', count: 39 },
      { key: 'signaalfunctie', count: 17 },
      { key: 'ondersteuning', count: 55 },
      { key: 'leefwereld', count: 25 },
      { key: 'toegankelijkheid', count: 20 },
      { key: 'beleidsbeinvloeding', count: 33 },
      { key: 'beeldvorming_beinvloeden', count: 31 },
      { key: 'geen_specifieke_rol', count: 2, answered: 84 },
    ],
  };

  it('prints every percentage of valid n to one decimal', () => {
    const result = analyseChoice(roles, { decimals: 1 });
    expect(percentByKey(result.rows)).toEqual({
      kritische_stem: 48.8,
      brugfiguur: 43.8,
      signaalfunctie: 19.1,
      ondersteuning: 61.8,
      leefwereld: 28.1,
      toegankelijkheid: 22.5,
      beleidsbeinvloeding: 37.1,
      beeldvorming_beinvloeden: 34.8,
      geen_specifieke_rol: 2.4,
    });
    expect(result.validN).toBe(89);
    expect(result.rounding).toMatchObject({ rule: 'half_up', decimals: 1 });
  });

  it('reports the two items with 84 valid answers and 5 missing', () => {
    const result = analyseChoice(roles);
    const stem = result.rows.find((r) => r.key === 'kritische_stem');
    expect(stem).toMatchObject({ count: 41, validN: 84, missing: 5 });
    expect(result.rows.find((r) => r.key === 'brugfiguur')).toMatchObject({ validN: 89, missing: 0 });
  });
});

describe('the seed’s status table (valid n 88 of 89, whole percents)', () => {
  const status: ChoiceCounts = {
    question: 'statuut',
    multiple: false,
    answered: 88,
    eligible: 89,
    options: [
      { key: 'vrijwilliger', count: 49 },
      { key: 'betaalde_werknemer', count: 25 },
      { key: 'zelfstandige_basis', count: 3 },
      { key: 'geen_statuut', count: 4 },
      { key: 'vrijwilliger_en_betaalde_werknemer', count: 4 },
      { key: 'betaalde_werknemer_en_zelfstandige', count: 1 },
      { key: 'vrijwilliger_en_geen_statuut', count: 1 },
      // The 88th valid answer: a category the slide leaves out.
      { key: 'niet_getoond', count: 1 },
    ],
  };

  it('prints 56, 28, 3, 5, 5, 1 and 1', () => {
    const result = analyseChoice(status, { decimals: 0 });
    const { niet_getoond: _left, ...printed } = percentByKey(result.rows);
    expect(printed).toEqual({
      vrijwilliger: 56,
      betaalde_werknemer: 28,
      zelfstandige_basis: 3,
      geen_statuut: 5,
      vrijwilliger_en_betaalde_werknemer: 5,
      betaalde_werknemer_en_zelfstandige: 1,
      vrijwilliger_en_geen_statuut: 1,
    });
    expect(result).toMatchObject({ validN: 88, missing: 1, eligible: 89 });
  });
});

describe('the seed’s training table (n = 89, printed with mixed decimals)', () => {
  const training: ChoiceCounts = {
    question: 'opleiding',
    multiple: false,
    answered: 89,
    eligible: 89,
    options: [
      { key: 'geen_opleiding', count: 23 },
      { key: 'opleiding_ervaringswerk', count: 44 },
      { key: 'professionele_opleiding', count: 14 },
      { key: 'opleiding_ervaringswerk_en_professionele_opleiding', count: 8 },
    ],
  };

  it('prints 26 and 9 as whole percents and 49.4 and 15.7 to one decimal', () => {
    const whole = percentByKey(analyseChoice(training, { decimals: 0 }).rows);
    const oneDecimal = percentByKey(analyseChoice(training, { decimals: 1 }).rows);
    expect(whole.geen_opleiding).toBe(26);
    expect(oneDecimal.opleiding_ervaringswerk).toBe(49.4);
    expect(oneDecimal.professionele_opleiding).toBe(15.7);
    expect(whole.opleiding_ervaringswerk_en_professionele_opleiding).toBe(9);
  });

  it('keeps the exact percentages, so any printed precision can be derived from one analysis', () => {
    const rows = analyseChoice(training).rows;
    const printed = [0, 1, 1, 0].map((decimals, i) => roundHalfUp(rows[i]?.percentExact ?? Number.NaN, decimals));
    expect(printed).toEqual([26, 49.4, 15.7, 9]);
  });
});
