import { describe, expect, it } from 'vitest';
import type { Question } from './definition.ts';
import { parseDefinition, publishIssues } from './validation.ts';

const t = (nl: string, en = nl) => ({ nl, en });
const scale = [1, 2, 3].map((value) => ({ value, label: t(`punt ${value}`) }));
const choice = (key: string, extra: Partial<Question> = {}): Question =>
  ({
    key,
    type: 'single',
    text: t(`Vraag ${key}?`),
    required: false,
    options: [
      { key: 'ja', label: t('Ja') },
      { key: 'nee', label: t('Nee') },
    ],
    ...extra,
  }) as Question;

const instrument = (...questions: unknown[]) => ({
  key: 'proef',
  title: t('Proef'),
  intro: t('Welkom.', ''),
  sections: [{ key: 'deel', title: t('Deel'), questions }],
});

const issues = (value: unknown, lang: 'nl' | 'en' = 'nl') => {
  const result = parseDefinition(value, lang);
  return result.ok ? [] : result.issues;
};

describe('instrument definitions', () => {
  it('accepts every kind of question, with English left empty where Dutch is given', () => {
    const result = parseDefinition(
      instrument(
        choice('betaald', { other: { label: t('Iets anders') } } as Partial<Question>),
        { key: 'rollen', type: 'multiple', text: t('Rollen?'), required: true, maxSelected: 2, options: { framework: 'roles', version: 1 } },
        { key: 'tevreden', type: 'likert', text: t('Tevreden?'), required: false, points: scale, noOpinion: { label: t('Weet ik niet') } },
        { key: 'uren', type: 'number', text: t('Uren?'), required: false, min: 0, max: 80, integer: true },
        { key: 'team', type: 'short_text', text: t('Team?'), required: false, maxLength: 500 },
        { key: 'opmerkingen', type: 'long_text', text: t('Opmerkingen?'), required: false },
        { key: 'logicas', type: 'matrix', text: t('Logica’s?'), required: false, items: { framework: 'logics', version: 1 }, points: scale },
        {
          key: 'hoe',
          type: 'short_text',
          text: t('Hoe?'),
          required: false,
          showIf: {
            all: [
              { question: 'betaald', equals: 'ja' },
              { question: 'uren', answered: true },
            ],
          },
        },
      ),
      'nl',
    );
    expect(result.ok).toBe(true);
  });

  it('refuses duplicate keys, with the place and a plain message', () => {
    expect(issues(instrument(choice('betaald'), choice('betaald')))).toEqual([
      { path: 'sections.0.questions.0.key', message: 'Twee vragen hebben dezelfde sleutel ‘betaald’.' },
      { path: 'sections.0.questions.1.key', message: 'Twee vragen hebben dezelfde sleutel ‘betaald’.' },
    ]);
    const twoSections = { ...instrument(choice('a')), sections: [0, 1].map((i) => ({ key: 'deel', title: t('Deel'), questions: [choice(`q${i}`)] })) };
    expect(issues(twoSections, 'en')).toContainEqual({ path: 'sections.1.key', message: 'Two sections have the same key ‘deel’.' });
    const options = [
      { key: 'ja', label: t('Ja') },
      { key: 'ja', label: t('Ook ja') },
    ];
    expect(issues(instrument(choice('a', { options } as Partial<Question>)))).toContainEqual({
      path: 'sections.0.questions.0.options.1.key',
      message: 'Twee antwoordmogelijkheden hebben dezelfde sleutel ‘ja’.',
    });
  });

  it('lets a condition refer only to an earlier question', () => {
    expect(issues(instrument(choice('a', { showIf: { question: 'b', equals: 'ja' } }), choice('b')))).toEqual([
      { path: 'sections.0.questions.0.showIf.question', message: 'Een voorwaarde kan alleen verwijzen naar een eerdere vraag. Vraag ‘b’ komt niet eerder.' },
    ]);
    expect(issues(instrument(choice('a', { showIf: { question: 'a', answered: true } })))).toHaveLength(1);
    expect(issues(instrument(choice('a', { showIf: { any: [{ question: 'zz', answered: true }] } })))).toEqual([
      { path: 'sections.0.questions.0.showIf.any.0.question', message: 'Vraag ‘zz’ bestaat niet.' },
    ]);
  });

  it('checks what a condition compares with', () => {
    const text = { key: 'team', type: 'short_text', text: t('Team?'), required: false };
    expect(issues(instrument(text, choice('b', { showIf: { question: 'team', equals: 'x' } })))).toEqual([
      { path: 'sections.0.questions.1.showIf', message: 'Bij een open vraag kan je alleen nagaan of ze beantwoord is.' },
    ]);
    expect(issues(instrument(choice('a'), choice('b', { showIf: { question: 'a', anyOf: ['ja', 'misschien'] } })))).toEqual([
      { path: 'sections.0.questions.1.showIf.anyOf', message: '‘misschien’ is geen antwoordmogelijkheid van vraag ‘a’.' },
    ]);
    const likert = { key: 'l', type: 'likert', text: t('L?'), required: false, points: scale };
    expect(issues(instrument(likert, choice('b', { showIf: { question: 'l', equals: 7 } })))).toHaveLength(1);
    expect(issues(instrument(likert, choice('b', { showIf: { question: 'l', equals: '_no_opinion' } })))).toHaveLength(1);
    const matrix = { key: 'm', type: 'matrix', text: t('M?'), required: false, items: [{ key: 'i', text: t('I') }], points: scale };
    expect(issues(instrument(matrix, choice('b', { showIf: { question: 'm', equals: 1 } })))[0]?.message).toBe(
      'Kies over welke uitspraak van de matrixvraag de voorwaarde gaat.',
    );
    expect(issues(instrument(matrix, choice('b', { showIf: { question: 'm', item: 'x', equals: 1 } })))).toHaveLength(1);
    expect(issues(instrument(matrix, choice('b', { showIf: { question: 'm', item: 'i', equals: 2 } })))).toEqual([]);
    expect(issues(instrument(choice('a'), choice('b', { showIf: { question: 'a', item: 'i', equals: 'ja' } })))[0]?.message).toBe(
      'Alleen een matrixvraag heeft uitspraken.',
    );
  });

  it('limits how deep conditions nest', () => {
    let deep: unknown = { question: 'a', answered: true };
    for (let i = 0; i < 6; i++) deep = { all: [deep] };
    expect(issues(instrument(choice('a'), choice('b', { showIf: deep } as Partial<Question>)))[0]?.message).toBe(
      'Voorwaarden mogen hoogstens 5 niveaus diep gaan.',
    );
  });

  it('checks scales, bounds and maxima', () => {
    const twice = [
      { value: 1, label: t('a') },
      { value: 1, label: t('b') },
    ];
    expect(issues(instrument({ key: 'l', type: 'likert', text: t('L?'), required: false, points: twice }))).toContainEqual({
      path: 'sections.0.questions.0.points.1.value',
      message: 'Twee punten van de schaal hebben dezelfde waarde (1).',
    });
    expect(issues(instrument({ key: 'n', type: 'number', text: t('N?'), required: false, min: 5, max: 1 }))).toEqual([
      { path: 'sections.0.questions.0.max', message: 'Het minimum is groter dan het maximum.' },
    ]);
    expect(issues(instrument({ key: 'n', type: 'number', text: t('N?'), required: false, min: 0.2, max: 0.8, integer: true }))).toHaveLength(1);
    expect(issues(instrument(choice('m', { type: 'multiple', maxSelected: 3 } as Partial<Question>)))).toEqual([
      { path: 'sections.0.questions.0.maxSelected', message: 'Er zijn maar 2 antwoordmogelijkheden; ‘hoogstens’ kan niet 3 zijn.' },
    ]);
    expect(issues(instrument({ key: 't', type: 'short_text', text: t('T?'), required: false, maxLength: 501 }))).toEqual([
      { path: 'sections.0.questions.0.maxLength', message: 'Het grootste getal is 500.' },
    ]);
    expect(issues(instrument({ key: 't', type: 'long_text', text: t('T?'), required: false, maxLength: 5001 }))).toHaveLength(1);
  });

  it('refuses malformed parts with a message a person can act on', () => {
    expect(issues(instrument({ key: 'x', type: 'slider', text: t('X?'), required: false }))).toEqual([
      { path: 'sections.0.questions.0.type', message: 'Onbekend soort vraag.' },
    ]);
    expect(issues(instrument(choice('Hoofdletter')))).toEqual([
      { path: 'sections.0.questions.0.key', message: 'Gebruik alleen kleine letters zonder accenten, cijfers en _, en begin met een letter.' },
    ]);
    expect(issues({ ...instrument(choice('a')), key: 'Cocreatie' }, 'en')).toEqual([
      { path: 'key', message: 'Use only lower-case letters without accents, digits, - and _, and start with a letter.' },
    ]);
    expect(issues(instrument({ key: 'l', type: 'likert', text: t('L?'), required: false, points: [] }))).toEqual([
      { path: 'sections.0.questions.0.points', message: 'Voeg er minstens 2 toe.' },
    ]);
    expect(issues(instrument({ key: 'k', type: 'single', text: t('K?'), required: false }))).toEqual([
      { path: 'sections.0.questions.0.options', message: 'Dit veld is verplicht.' },
    ]);
    expect(issues(instrument(choice('a', { text: t('') })))).toEqual([{ path: 'sections.0.questions.0.text.nl', message: 'Dit veld mag niet leeg zijn.' }]);
    expect(issues({ ...instrument(), extra: 1 })).toEqual([{ path: '', message: 'Onbekend veld: extra.' }]);
    expect(issues(instrument(choice('a', { showIf: { question: 'x' } } as Partial<Question>)))).toEqual([
      { path: 'sections.0.questions.0.showIf', message: 'Dit onderdeel is niet goed opgebouwd.' },
    ]);
  });

  it('lets a draft be unfinished, but not a published version', () => {
    const empty = parseDefinition({ ...instrument(), sections: [] }, 'nl');
    expect(empty.ok).toBe(true);
    if (empty.ok) expect(publishIssues(empty.definition).map((i) => i.message.nl)).toEqual(['Voeg minstens één deel met vragen toe.']);
    const emptySection = parseDefinition(instrument(), 'nl');
    if (emptySection.ok) expect(publishIssues(emptySection.definition)).toEqual([{ path: ['sections', 0, 'questions'], message: expect.any(Object) }]);
  });
});
