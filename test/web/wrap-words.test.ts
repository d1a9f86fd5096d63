import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../web/src/components/dashboard/wrap.ts';

describe('wrapWords: a statement in lines that fit above its bar', () => {
  it('breaks between words and keeps every word', () => {
    expect(wrapWords('Ervaringswerkers worden betaald voor hun werk', 20)).toEqual(['Ervaringswerkers', 'worden betaald voor', 'hun werk']);
  });
  it('keeps a short statement on one line', () => {
    expect(wrapWords('Ik voel me gehoord', 40)).toEqual(['Ik voel me gehoord']);
  });
  it('cuts a word longer than a line into pieces, never a line longer than asked', () => {
    expect(wrapWords('ab ervaringsdeskundigheid', 8)).toEqual(['ab', 'ervaring', 'sdeskund', 'igheid']);
  });
  it('no line is ever longer than the width', () => {
    const text = 'Het samenwerken met ervaringswerkers verandert hoe het team naar de cliënt kijkt en wat het belangrijk vindt';
    for (const width of [17, 33, 80]) {
      const lines = wrapWords(text, width);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      expect(lines.join(' ')).toBe(text);
    }
  });
});
