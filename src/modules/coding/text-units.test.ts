import { describe, expect, it } from 'vitest';
import { checkSegment, paragraphs, sentences } from './text-units.ts';

const text = 'Ik wachtte lang. Niemand belde terug!\n\n  Toen kwam de groep… Dat hielp?  Ja.\nEen nieuwe regel';

describe('text units for keyboard coding', () => {
  it('finds paragraphs with offsets that quote the text exactly', () => {
    const units = paragraphs(text);
    expect(units.map((u) => u.text)).toEqual(['Ik wachtte lang. Niemand belde terug!', 'Toen kwam de groep… Dat hielp?  Ja.\nEen nieuwe regel']);
    for (const u of units) expect(text.slice(u.start, u.end)).toBe(u.text);
  });

  it('finds sentences, also at line breaks, without surrounding spaces', () => {
    const units = sentences(text);
    expect(units.map((u) => u.text)).toEqual(['Ik wachtte lang.', 'Niemand belde terug!', 'Toen kwam de groep…', 'Dat hielp?', 'Ja.', 'Een nieuwe regel']);
    for (const u of units) expect(text.slice(u.start, u.end)).toBe(u.text);
    expect(sentences('')).toEqual([]);
    expect(sentences('Geen punt')).toEqual([{ kind: 'sentence', start: 0, end: 9, text: 'Geen punt' }]);
  });

  it('checks segment bounds and returns the quote', () => {
    expect(checkSegment('abcdef', 1, 3)).toEqual({ ok: true, quote: 'bc' });
    expect(checkSegment('abcdef', 3, 3)).toEqual({ ok: false, field: 'end', reason: 'order' });
    expect(checkSegment('abcdef', 0, 7)).toEqual({ ok: false, field: 'end', reason: 'range' });
    expect(checkSegment('abcdef', -1, 2)).toEqual({ ok: false, field: 'start', reason: 'range' });
    expect(checkSegment('ab   ', 2, 5)).toEqual({ ok: false, field: 'end', reason: 'empty' });
  });
});
