import { describe, expect, it } from 'vitest';
import type { ResolvedInstrument } from '../instruments/resolve.ts';
import { buildTables } from './report.ts';

/** A number in the report: classes with a summary; the lowest and highest value only for who may see every count. */

const instrument = {
  key: 'uren',
  title: { nl: 'Uren', en: 'Hours' },
  sections: [
    {
      key: 's',
      title: { nl: 'S', en: 'S' },
      questions: [{ key: 'uren', type: 'number', text: { nl: 'Uren per week?', en: 'Hours a week?' }, required: false, min: 0, max: 80, integer: true }],
    },
  ],
} as unknown as ResolvedInstrument;

// 30 people: 10 answered 4 hours, 10 answered 12, 10 answered 21 — every class has at least 5.
const values = [
  { value: 4, count: 10 },
  { value: 12, count: 10 },
  { value: 21, count: 10 },
].map((v) => ({ question: 'uren', item: null, option: null, marker: false, ...v }));
const aggregates = { n: 30, values, answered: new Map([['uren', 30]]), eligible: new Map(), combinations: new Map() };
const tableFor = (suppress: boolean) => buildTables(instrument, aggregates, { lang: 'nl', suppress, k: 5, presentation: { tables: {} } })[0];

describe('a number in the report', () => {
  it('comes in nine classes of 2 from 4 to 22 (the narrowest nice width that needs at most ten), with its summary', () => {
    const table = tableFor(false);
    expect(table?.view).toBe('bins');
    expect(table?.items.map((i) => [i.code, i.label, i.count])).toEqual([
      ['4-6', '4–5', 10],
      ['6-8', '6–7', 0],
      ['8-10', '8–9', 0],
      ['10-12', '10–11', 0],
      ['12-14', '12–13', 10],
      ['14-16', '14–15', 0],
      ['16-18', '16–17', 0],
      ['18-20', '18–19', 0],
      ['20-22', '20–21', 10],
    ]);
    expect(table?.scale).toMatchObject({ mean: 12.3, median: 12, min: 4, max: 21 });
  });

  it('for someone who may not see small counts: the same summary without the lowest and highest value', () => {
    const table = tableFor(true);
    expect(table?.items.map((i) => i.count)).toEqual([10, 0, 0, 0, 10, 0, 0, 0, 10]);
    expect(table?.scale).toMatchObject({ mean: 12.3, median: 12, min: null, max: null });
  });
});
