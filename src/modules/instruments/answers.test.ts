import { describe, expect, it } from 'vitest';
import { rowsToAnswers, validateAnswers, validateSection, visibleQuestions } from './answers.ts';
import type { InstrumentDefinition } from './definition.ts';
import { type ResolvedInstrument, resolveInstrument } from './resolve.ts';
import { parseDefinition } from './validation.ts';

const t = (nl: string, en = nl) => ({ nl, en });
const agree = [1, 2, 3, 4, 5].map((value) => ({ value, label: t(`punt ${value}`) }));

/** A small instrument with one question of every kind and a few conditions. */
const definition: InstrumentDefinition = {
  key: 'proef',
  title: t('Proef'),
  intro: t(''),
  sections: [
    {
      key: 'eerste',
      title: t('Eerste deel'),
      questions: [
        {
          key: 'sector',
          type: 'single',
          text: t('Sector?'),
          required: true,
          options: [
            { key: 'ggz', label: t('GGZ') },
            { key: 'jeugdhulp', label: t('Jeugdhulp') },
          ],
          other: { label: t('Iets anders', 'Something else'), maxLength: 20 },
        },
        {
          key: 'rollen',
          type: 'multiple',
          text: t('Rollen?'),
          required: true,
          maxSelected: 2,
          options: [
            { key: 'kritische_stem', label: t('Kritische stem', 'Critical voice') },
            { key: 'brugfiguur', label: t('Brugfiguur', 'Bridge figure') },
            { key: 'ondersteuning', label: t('Ondersteuning', 'Support') },
            { key: 'geen_specifieke_rol', label: t('Geen specifieke rol', 'No specific role'), exclusive: true },
          ],
        },
        {
          key: 'betaald',
          type: 'single',
          text: t('Betaald?'),
          required: true,
          options: [
            { key: 'ja', label: t('Ja') },
            { key: 'nee', label: t('Nee') },
          ],
        },
        {
          key: 'hoe',
          type: 'multiple',
          text: t('Hoe?'),
          required: true,
          showIf: { question: 'betaald', equals: 'ja' },
          options: [
            { key: 'loon', label: t('Loon') },
            { key: 'factuur', label: t('Factuur') },
          ],
        },
      ],
    },
    {
      key: 'tweede',
      title: t('Tweede deel'),
      questions: [
        { key: 'tevreden', type: 'likert', text: t('Tevreden?'), required: false, points: agree, noOpinion: { label: t('Weet ik niet') } },
        { key: 'uren', type: 'number', text: t('Uren?'), required: true, min: 0, max: 100, integer: true },
        { key: 'bedrag', type: 'number', text: t('Bedrag?'), required: false, min: 0, max: 10, showIf: { question: 'betaald', equals: 'ja' } },
        {
          key: 'stellingen',
          type: 'matrix',
          text: t('Stellingen?'),
          required: true,
          items: [
            { key: 'betaald_worden', text: t('Betaald worden.') },
            { key: 'hetzelfde_werk', text: t('Hetzelfde werk.') },
          ],
          points: agree,
          noOpinion: { label: t('Weet ik niet') },
        },
        { key: 'naam_team', type: 'short_text', text: t('Team?'), required: false, maxLength: 10 },
        {
          key: 'opmerkingen',
          type: 'long_text',
          text: t('Opmerkingen?'),
          required: false,
          showIf: {
            any: [
              { question: 'tevreden', anyOf: [1, 2] },
              { question: 'stellingen', item: 'betaald_worden', equals: '_no_opinion' },
            ],
          },
        },
      ],
    },
  ],
};

function resolved(): ResolvedInstrument {
  const parsed = parseDefinition(definition, 'nl');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const result = resolveInstrument(parsed.definition, () => undefined);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.instrument;
}
const instrument = resolved();

const complete = {
  sector: 'ggz',
  rollen: ['brugfiguur', 'kritische_stem'],
  betaald: 'nee',
  tevreden: 4,
  uren: 12,
  stellingen: { betaald_worden: 5, hetzelfde_werk: 2 },
};

const issuesOf = (raw: unknown, lang: 'nl' | 'en' = 'nl') => {
  const result = validateAnswers(instrument, raw, lang);
  return result.ok ? [] : result.issues;
};

describe('validateAnswers', () => {
  it('turns a complete response into long rows: one per option chosen, per scale, per matrix statement', () => {
    const result = validateAnswers(instrument, complete, 'nl');
    expect(result).toEqual({
      ok: true,
      rows: [
        { question: 'sector', item: null, option: 'ggz', number: null, text: null },
        { question: 'rollen', item: null, option: 'kritische_stem', number: null, text: null },
        { question: 'rollen', item: null, option: 'brugfiguur', number: null, text: null },
        { question: 'betaald', item: null, option: 'nee', number: null, text: null },
        { question: 'tevreden', item: null, option: null, number: 4, text: null },
        { question: 'uren', item: null, option: null, number: 12, text: null },
        { question: 'stellingen', item: 'betaald_worden', option: null, number: 5, text: null },
        { question: 'stellingen', item: 'hetzelfde_werk', option: null, number: 2, text: null },
      ],
    });
  });

  it('accepts what a form without JavaScript posts: strings, a single checkbox as a string, flat matrix fields, empty fields', () => {
    const post = {
      sector: '_other',
      'sector._other': '  Daklozenzorg ',
      rollen: 'geen_specifieke_rol',
      betaald: 'ja',
      hoe: ['loon', 'factuur', ''],
      tevreden: '_no_opinion',
      uren: ' 12 ',
      bedrag: '7,5',
      'stellingen.betaald_worden': '_no_opinion',
      'stellingen[hetzelfde_werk]': '3',
      naam_team: '',
      opmerkingen: 'Regel een\r\nregel twee',
    };
    const result = validateAnswers(instrument, post, 'nl');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toContainEqual({ question: 'sector', item: null, option: '_other', number: null, text: 'Daklozenzorg' });
    expect(result.rows).toContainEqual({ question: 'tevreden', item: null, option: '_no_opinion', number: null, text: null });
    expect(result.rows).toContainEqual({ question: 'bedrag', item: null, option: null, number: 7.5, text: null });
    expect(result.rows).toContainEqual({ question: 'stellingen', item: 'betaald_worden', option: '_no_opinion', number: null, text: null });
    expect(result.rows).toContainEqual({ question: 'opmerkingen', item: null, option: null, number: null, text: 'Regel een\nregel twee' });
    expect(rowsToAnswers(instrument, result.rows)).toMatchObject({ sector: '_other', 'sector._other': 'Daklozenzorg', hoe: ['loon', 'factuur'] });
  });

  it('says what is missing, in plain Dutch, next to each field', () => {
    expect(issuesOf({})).toEqual([
      { question: 'sector', message: 'Kies een antwoord.' },
      { question: 'rollen', message: 'Kies minstens één antwoord.' },
      { question: 'betaald', message: 'Kies een antwoord.' },
      { question: 'uren', message: 'Vul een getal in tussen 0 en 100.' },
      { question: 'stellingen', item: 'betaald_worden', message: 'Kies een antwoord bij deze uitspraak.' },
      { question: 'stellingen', item: 'hetzelfde_werk', message: 'Kies een antwoord bij deze uitspraak.' },
    ]);
  });

  it('and in English', () => {
    expect(issuesOf({ ...complete, rollen: [], uren: 'veel' }, 'en')).toEqual([
      { question: 'rollen', message: 'Choose at least one answer.' },
      { question: 'uren', message: 'Enter a number between 0 and 100.' },
    ]);
  });

  it.each([
    ['an unknown question', { onbekend: 'x' }, { question: 'onbekend', message: 'Deze vraag bestaat niet in deze vragenlijst.' }],
    ['an unknown option', { sector: 'verslavingszorg' }, { question: 'sector', message: 'Dit antwoord bestaat niet bij deze vraag.' }],
    ['two answers to a single choice', { sector: ['ggz', 'jeugdhulp'] }, { question: 'sector', message: 'Kies één antwoord.' }],
    [
      'an exclusive option with another one',
      { rollen: ['geen_specifieke_rol', 'brugfiguur'] },
      { question: 'rollen', message: '‘Geen specifieke rol’ kan je niet combineren met andere antwoorden.' },
    ],
    ['more than maxSelected', { rollen: ['kritische_stem', 'brugfiguur', 'ondersteuning'] }, { question: 'rollen', message: 'Kies hoogstens 2 antwoorden.' }],
    ['a number out of bounds', { uren: 101 }, { question: 'uren', message: 'Vul een getal in tussen 0 en 100.' }],
    ['not a number', { uren: '12 uur' }, { question: 'uren', message: 'Vul een getal in tussen 0 en 100.' }],
    ['a decimal where a whole number is asked', { uren: '12,5' }, { question: 'uren', message: 'Vul een geheel getal in, zonder komma.' }],
    ['a point not on the scale', { tevreden: 6 }, { question: 'tevreden', message: 'Kies een van de mogelijke antwoorden.' }],
    ['a text over its limit', { naam_team: 'Team Herstel Oost' }, { question: 'naam_team', message: 'Gebruik hoogstens 10 tekens. Nu zijn het er 17.' }],
    [
      'an unknown matrix statement',
      { stellingen: { betaald_worden: 1, hetzelfde_werk: 1, ander: 2 } },
      { question: 'stellingen', item: 'ander', message: 'Deze uitspraak bestaat niet bij deze vraag.' },
    ],
    [
      'a question its condition skips, answered anyway',
      { hoe: ['loon'] },
      { question: 'hoe', message: 'Door een eerder antwoord hoef je deze vraag niet te beantwoorden. Maak ze leeg.' },
    ],
    ['"something else" without saying what', { sector: '_other' }, { question: 'sector', message: 'Vul in wat je bedoelt met ‘Iets anders’.' }],
    [
      'text for "something else" without choosing it',
      { 'sector._other': 'Daklozenzorg' },
      { question: 'sector', message: 'Je vulde iets in bij ‘Iets anders’, maar koos dat antwoord niet. Kies het, of maak het vakje leeg.' },
    ],
    [
      '"something else" on a question without it',
      { 'rollen._other': 'x' },
      { question: 'rollen._other', message: 'Deze vraag bestaat niet in deze vragenlijst.' },
    ],
    ['an answer of the wrong shape', { uren: { a: 1 } }, { question: 'uren', message: 'Vul een getal in tussen 0 en 100.' }],
    ['a list for a matrix', { stellingen: [1, 2] }, { question: 'stellingen', message: 'Dit antwoord heeft niet de juiste vorm.' }],
  ])('refuses %s', (_name, change, issue) => {
    expect(issuesOf({ ...complete, ...change })).toContainEqual(issue);
  });

  it('refuses answers that are not an object at all', () => {
    expect(issuesOf('sector=ggz')).toEqual([{ question: '', message: 'De antwoorden hebben niet de juiste vorm.' }]);
    expect(issuesOf(null)).toHaveLength(1);
  });

  it('does not ask for a required question that a condition skips', () => {
    expect(validateAnswers(instrument, complete, 'nl').ok).toBe(true);
    expect(issuesOf({ ...complete, betaald: 'ja' })).toEqual([{ question: 'hoe', message: 'Kies minstens één antwoord.' }]);
  });

  it('does not pile up problems on questions that depend on an answer that is itself wrong', () => {
    expect(issuesOf({ ...complete, betaald: 'misschien', hoe: ['loon'] })).toEqual([
      { question: 'betaald', message: 'Dit antwoord bestaat niet bij deze vraag.' },
    ]);
  });
});

describe('visibleQuestions', () => {
  const keys = (answers: unknown) => visibleQuestions(instrument, answers).map((q) => q.key);

  it('follows equals, anyOf, any and matrix statements', () => {
    expect(keys({})).toEqual(['sector', 'rollen', 'betaald', 'tevreden', 'uren', 'stellingen', 'naam_team']);
    expect(keys({ betaald: 'ja' })).toContain('hoe');
    expect(keys({ tevreden: '2' })).toContain('opmerkingen');
    expect(keys({ 'stellingen.betaald_worden': '_no_opinion' })).toContain('opmerkingen');
    expect(keys({ tevreden: 4, stellingen: { betaald_worden: 4 } })).not.toContain('opmerkingen');
  });

  it('shows a question when the answer it depends on is not valid yet, rather than hide what someone meant to say', () => {
    expect(keys({ tevreden: 'zes' })).toContain('opmerkingen');
  });
});

describe('validateSection', () => {
  it('judges one page, using the earlier pages for conditions', () => {
    expect(validateSection(instrument, 'eerste', { sector: 'ggz' }, 'nl')).toEqual({
      ok: false,
      issues: [
        { question: 'rollen', message: 'Kies minstens één antwoord.' },
        { question: 'betaald', message: 'Kies een antwoord.' },
      ],
    });
    const second = validateSection(instrument, 'tweede', { ...complete, betaald: 'ja', hoe: 'loon', bedrag: '2.5' }, 'nl');
    expect(second.ok && second.rows.map((r) => r.question)).toEqual(['tevreden', 'uren', 'bedrag', 'stellingen', 'stellingen']);
    expect(validateSection(instrument, 'tweede', { ...complete, bedrag: 2 }, 'nl')).toMatchObject({ ok: false, issues: [{ question: 'bedrag' }] });
  });

  it('does not judge later pages yet', () => {
    expect(validateSection(instrument, 'eerste', { sector: 'ggz', rollen: 'brugfiguur', betaald: 'nee', uren: 'veel' }, 'nl').ok).toBe(true);
  });

  it('throws on a section that does not exist: that is a programming error, not a respondent error', () => {
    expect(() => validateSection(instrument, 'derde', {}, 'nl')).toThrow(RangeError);
  });
});
