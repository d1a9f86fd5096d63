import { describe, expect, it } from 'vitest';
import { discloseCrossTable, discloseFrequencies, discloseMultipleResponse, disclosureThreshold, filterAllowed, TOO_FEW_ANSWERS } from './disclosure.ts';
import { determinedHidden } from './disclosure-audit.ts';
import { suppressLinked } from './disclosure-engine.ts';

const counts = (cells: { count: number | null }[]) => cells.map((c) => c.count);

describe('disclosureThreshold', () => {
  it('is 5 by default and never below 5', () => {
    expect(disclosureThreshold()).toBe(5);
    expect(disclosureThreshold(10)).toBe(10);
    expect(disclosureThreshold(4)).toBe(5);
    expect(disclosureThreshold(0)).toBe(5);
    expect(() => disclosureThreshold(Number.NaN)).toThrow(RangeError);
  });
});

describe('discloseFrequencies', () => {
  it('shows a table without small counts as it is', () => {
    const result = discloseFrequencies(
      [
        { key: 'a', count: 10 },
        { key: 'b', count: 0 },
        { key: 'c', count: 5 },
      ],
      15,
    );
    expect(counts(result.cells)).toEqual([10, 0, 5]);
    expect(result).toMatchObject({ k: 5, tooFew: false, placeholder: null, total: { count: 15 }, rules: [], explanation: [] });
  });

  it('attack: total minus the shown counts — one hidden count also hides the next smallest', () => {
    // Without the second suppression, 20 − 10 − 8 − 0 = 2 would give the hidden count away.
    const result = discloseFrequencies(
      [
        { key: 'a', count: 10 },
        { key: 'b', count: 2 },
        { key: 'c', count: 8 },
        { key: 'd', count: 0 },
      ],
      20,
    );
    expect(result.cells.map((c) => [c.count, c.suppressed])).toEqual([
      [10, null],
      [null, 'primary'],
      [null, 'secondary'],
      [0, null],
    ]);
    expect(result.rules).toEqual(['primary', 'secondary']);
    expect(result.explanation[0]?.nl).toBe('Aantallen van 1 tot en met 4 zijn verborgen; een 0 tonen we wel.');
  });

  it('needs no second suppression when two counts are already small', () => {
    const result = discloseFrequencies(
      [
        { key: 'a', count: 10 },
        { key: 'b', count: 2 },
        { key: 'c', count: 1 },
      ],
      13,
    );
    expect(counts(result.cells)).toEqual([10, null, null]);
    expect(result.rules).toEqual(['primary']);
  });

  it('replaces a table with fewer than k answers by "too few answers"', () => {
    const result = discloseFrequencies(
      [
        { key: 'a', count: 4 },
        { key: 'b', count: 0 },
      ],
      4,
    );
    expect(result).toMatchObject({ tooFew: true, placeholder: { nl: 'te weinig antwoorden' }, total: { count: null }, rules: ['too_few'] });
    expect(counts(result.cells)).toEqual([null, null]);
    expect(result.explanation[0]?.en).toBe('Too few answers: fewer than 5 people, so no figures are shown here.');
    expect(TOO_FEW_ANSWERS).toEqual({ nl: 'te weinig antwoorden', en: 'too few answers' });
  });

  it('uses the threshold it is given, but never one below 5', () => {
    const cells = [
      { key: 'a', count: 2 },
      { key: 'b', count: 3 },
      { key: 'c', count: 9 },
    ];
    expect(counts(discloseFrequencies(cells, 14, 2).cells)).toEqual([null, null, 9]);
    expect(counts(discloseFrequencies(cells, 14, 10).cells)).toEqual([null, null, null]);
  });

  it('refuses counts that do not add up to the total', () => {
    expect(() => discloseFrequencies([{ key: 'a', count: 3 }], 4)).toThrow(RangeError);
  });
});

describe('discloseMultipleResponse', () => {
  it('attack: "everyone but two chose it" — hides a count whose complement in its valid n is small', () => {
    const result = discloseMultipleResponse(
      [
        { key: 'coaching', count: 18, validN: 20 },
        { key: 'intervisie', count: 2, validN: 20 },
        { key: 'opleiding', count: 10, validN: 20 },
        { key: 'geen', count: 0, validN: 20 },
        { key: 'iedereen', count: 20, validN: 20 },
      ],
      20,
    );
    expect(result.cells.map((c) => [c.key, c.count, c.suppressed])).toEqual([
      ['coaching', null, 'secondary'],
      ['intervisie', null, 'primary'],
      ['opleiding', 10, null],
      ['geen', 0, null],
      ['iedereen', 20, null],
    ]);
  });

  it('replaces the question by "too few answers" when fewer than k answered', () => {
    expect(discloseMultipleResponse([{ key: 'a', count: 2, validN: 4 }], 4)).toMatchObject({ tooFew: true, cells: [{ count: null }] });
  });
});

describe('discloseCrossTable', () => {
  it('attack: row and column totals — every row and column gets two hidden counts or none', () => {
    const result = discloseCrossTable([
      [20, 3, 15],
      [12, 9, 30],
      [8, 10, 25],
    ]);
    // Without the second suppressions, 38 − 20 − 15 = 3. The 3 is primary; its row hides the 15, its
    // column the 9; then the 15's column hides the 25, the 9's row the 12 and the 25's row the 8.
    expect(result.cells.map((row) => row.map((c) => c.count))).toEqual([
      [20, null, null],
      [null, null, 30],
      [null, 10, null],
    ]);
    for (const row of result.cells) expect([0, 2, 3]).toContain(row.filter((c) => c.count === null).length);
    for (let j = 0; j < 3; j++) expect([0, 2, 3]).toContain(result.cells.filter((row) => row[j]?.count === null).length);
    expect(result.rowTotals.map((c) => c.count)).toEqual([38, 51, 43]);
    expect(result.rules).toEqual(['primary', 'secondary']);
  });

  it('attack: a small row total — hides it together with another row total', () => {
    const result = discloseCrossTable([
      [20, 15],
      [3, 0],
      [10, 12],
    ]);
    // Row total 3 would follow from 60 − 35 − 22, so a second row total (the 22) is hidden, and the
    // 3 in its column takes the 10 along.
    expect(result.rowTotals.map((c) => [c.count, c.suppressed])).toEqual([
      [35, null],
      [null, 'primary'],
      [null, 'secondary'],
    ]);
    expect(result.cells.map((row) => row.map((c) => c.count))).toEqual([
      [20, 15],
      [null, 0],
      [null, 12],
    ]);
    expect(result.total.count).toBe(60);
    expect(result.cells[1]?.[1]?.count).toBe(0);
  });

  it('replaces a table with fewer than k answers by "too few answers"', () => {
    const result = discloseCrossTable([
      [1, 1],
      [1, 1],
    ]);
    expect(result).toMatchObject({ tooFew: true, total: { count: null }, rules: ['too_few'] });
    expect(result.cells.flat().every((c) => c.count === null)).toBe(true);
  });

  it('attack: several additions together — hides one more count when rows and columns combined give one away', () => {
    // Each row and column has two hidden counts or none, yet the row totals (R0 + R1 = 3), row 2
    // (a + b = 2), column 2 (c + d = 2) and the rest together fix the 1 at the top: R0 + R1 = x + c + d = x + 2.
    const table = [
      [0, 1, 1],
      [0, 0, 1],
      [1, 1, 5],
    ];
    const result = discloseCrossTable(table);
    expect(result.cells.map((row) => row.map((c) => c.count))).toEqual([
      [null, null, null],
      [0, 0, null],
      [null, null, 5],
    ]);
    expect(result.cells[0]?.[0]?.suppressed).toBe('secondary');
  });

  it('hides margins too when a cell equals its margin', () => {
    // One column: each cell equals its row total, so hiding the 3 hides its row total, and the row
    // totals then need a second one hidden: the 9.
    const column = discloseCrossTable([[3], [9]]);
    expect(column.cells.map((row) => row[0]?.count)).toEqual([null, null]);
    expect(column.rowTotals.map((c) => c.count)).toEqual([null, null]);
    expect(column.total.count).toBe(12);
  });
});

describe('determinedHidden', () => {
  it('finds a hidden part that is its total minus the shown parts', () => {
    expect(determinedHidden([true, false, false], [{ parts: [0, 1], total: 2 }])).toEqual([0]);
    expect(determinedHidden([true, true, false], [{ parts: [0, 1], total: 2 }])).toEqual([]);
  });

  it('finds a count fixed only by combining additions', () => {
    // a + b = T1 and a + c = T2 and b + c = T3 (all totals shown): a = (T1 + T2 − T3) / 2.
    const additions = [
      { parts: [0, 1], total: 3 },
      { parts: [0, 2], total: 4 },
      { parts: [1, 2], total: 5 },
    ];
    expect(determinedHidden([true, true, true, false, false, false], additions).sort()).toEqual([0, 1, 2]);
  });
});

describe('suppressLinked', () => {
  it('fails, so the caller withholds the table, when only the grand total is left to hide', () => {
    const result = suppressLinked(
      [
        { value: 3, role: 'cell' },
        { value: 9, role: 'grand' },
      ],
      [{ parts: [0], total: 1 }],
      5,
    );
    expect(result).toEqual({ suppressed: ['primary', null], failed: true });
  });
});

describe('filterAllowed', () => {
  it('refuses a selection with fewer than k people', () => {
    expect(filterAllowed(4, 100)).toMatchObject({ allowed: false, reason: 'too_few', k: 5 });
    expect(filterAllowed(0, 100).allowed).toBe(false);
  });

  it('attack: two overlapping filters that differ by one person — refuses the narrower one', () => {
    // Team Herstel (20) inside the organisation (21): the difference is one person's answers.
    const decision = filterAllowed(20, 21);
    expect(decision).toMatchObject({ allowed: false, reason: 'complement_too_small' });
    expect(decision.message?.nl).toBe('Deze selectie laat maar 1 persoon weg. Dan kun je hun antwoorden afleiden. Kies een andere selectie.');
    expect(filterAllowed(20, 24).allowed).toBe(false);
  });

  it('allows selections that leave out nobody or at least k people', () => {
    expect(filterAllowed(20, 20)).toEqual({ allowed: true, reason: null, k: 5, message: null });
    expect(filterAllowed(20, 25).allowed).toBe(true);
    expect(filterAllowed(5, 5).allowed).toBe(true);
  });

  it('uses the threshold given, never below 5, and refuses impossible input', () => {
    expect(filterAllowed(8, 10, 3).allowed).toBe(false);
    expect(filterAllowed(10, 15, 3).allowed).toBe(true);
    expect(filterAllowed(12, 15, 10).allowed).toBe(false);
    expect(filterAllowed(7, 9, 2).allowed).toBe(false);
    expect(() => filterAllowed(11, 10)).toThrow(RangeError);
  });
});
