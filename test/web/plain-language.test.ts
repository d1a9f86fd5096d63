import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phases } from '../../src/modules/trajecten/phases.shared.ts';

const nl = JSON.parse(readFileSync(new URL('../../web/src/locales/nl.json', import.meta.url), 'utf8'));
const en = JSON.parse(readFileSync(new URL('../../web/src/locales/en.json', import.meta.url), 'utf8'));

/** Research words that do not belong in the everyday texts of a trajectory (they live behind a Term). */
const JARGON = ['logica', 'omkadering', 'complementair', 'het biografische', 'dienen ervaringswerkers'];
const JARGON_EN = ['logics', 'framing', 'complementary expertise'];

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('plain language on the trajectory screens', () => {
  it('the trajectory texts in nl.json carry no research words', () => {
    for (const text of strings(nl.trajecten)) for (const word of JARGON) expect(text.toLowerCase(), text).not.toContain(word);
  });
  it('raising a signal asks about the purpose in plain words', () => {
    expect(nl.signalen.raise.logic).toBe('Welk doel van ervaringswerk raakt dit?');
    expect(nl.signalen.field.logic).toBe('Doel');
    for (const text of strings(nl.signalen.raise)) for (const word of JARGON) expect(text.toLowerCase(), text).not.toContain(word);
    for (const text of strings(en.signalen.raise)) for (const word of JARGON_EN) expect(text.toLowerCase(), text).not.toContain(word);
  });
  it('the knowledge positions have plain names on the trajectory screens', () => {
    expect(nl.trajecten.plainPositions).toEqual({
      aandoening: 'Het probleem zelf (zoals armoede of een verslaving)',
      biografisch: 'Wat het betekent in mijn leven',
      maatschappelijk: 'Hoe de samenleving ermee omgaat',
    });
    expect(Object.keys(en.trajecten.plainPositions)).toEqual(['aandoening', 'biografisch', 'maatschappelijk']);
  });
  it('the trajectory texts in en.json carry no research words', () => {
    for (const text of strings(en.trajecten)) for (const word of JARGON_EN) expect(text.toLowerCase(), text).not.toContain(word);
  });
  it('phase titles, explanations, prompts and topics are plain (the quoted seed keeps its words)', () => {
    for (const phase of phases) {
      const everyday = [phase.title, phase.explanation, ...phase.prompts, ...phase.topics.flatMap((t) => [t.label, t.prompt])];
      for (const text of everyday) {
        for (const word of JARGON) expect(text.nl.toLowerCase(), text.nl).not.toContain(word);
        for (const word of JARGON_EN) expect(text.en.toLowerCase(), text.en).not.toContain(word);
      }
    }
  });
  it('the research terms themselves are one tap away, with a definition in both languages', () => {
    expect(nl.terms.omkadering.term).toBe('omkadering');
    expect(nl.terms.complementarity.term).toBe('complementaire expertise');
    expect(nl.terms.logics.term).toBe('de drie logica’s van ervaringsdeskundigheid');
    expect(nl.terms.positions.term).toBe('de aandoening, het biografische en het maatschappelijke');
    for (const key of ['logics', 'complementarity', 'omkadering', 'positions']) {
      expect(nl.terms[key].definition.length).toBeGreaterThan(20);
      expect(en.terms[key].definition.length).toBeGreaterThan(20);
    }
  });
});
