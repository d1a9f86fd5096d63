import { describe, expect, it } from 'vitest';
import { JOIN_ALPHABET, newJoinCode, newReceiptCode, normaliseJoinCode, normaliseReceiptCode } from './join-code.ts';
import { countWords, normaliseWord } from './words.ts';

describe('join codes', () => {
  it('leave out characters that look alike', () => {
    for (const ch of '0OQD1IL2Z5S8BUV') expect(JOIN_ALPHABET).not.toContain(ch);
    expect(JOIN_ALPHABET).toBe('ACEFGHJKMNPRTWXY34679');
  });
  it('are six characters of the alphabet, whatever the random source gives', () => {
    expect(newJoinCode(() => 0)).toBe('AAAAAA');
    expect(newJoinCode((max) => max - 1)).toBe('999999');
    expect(newJoinCode()).toMatch(/^[ACEFGHJKMNPRTWXY34679]{6}$/);
  });
  it('accept what a person types: lower case, spaces and dashes; refuse anything else', () => {
    expect(normaliseJoinCode(' ka3-7fx ')).toBe('KA37FX');
    expect(normaliseJoinCode('KA37F')).toBeUndefined();
    expect(normaliseJoinCode('KA37F0')).toBeUndefined();
    expect(normaliseJoinCode('KA37FXX')).toBeUndefined();
  });
  it('make receipt codes of two groups of four', () => {
    expect(newReceiptCode(() => 2)).toBe('EEEE-EEEE');
    expect(normaliseReceiptCode('eeee eeee')).toBe('EEEE-EEEE');
    expect(normaliseReceiptCode('EEEE-EEE')).toBeUndefined();
  });
});

describe('word-cloud words', () => {
  it('count a word once per person, whatever its case, spaces or punctuation at the ends', () => {
    expect(normaliseWord('  Erkenning! ')).toBe('erkenning');
    expect(normaliseWord('Gedeelde   verantwoordelijkheid.')).toBe('gedeelde verantwoordelijkheid');
    expect(normaliseWord('Één')).toBe('één');
    expect(countWords([['Erkenning', 'erkenning!'], ['Samen'], ['erkenning', '...']])).toEqual([
      { word: 'erkenning', count: 2 },
      { word: 'samen', count: 1 },
    ]);
  });
});
