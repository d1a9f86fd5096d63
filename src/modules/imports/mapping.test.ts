import { describe, expect, it } from 'vitest';
import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import { cocreatieErvaringswerkers } from '../instruments/builtin/cocreatie-in-beeld.ts';
import { type ResolvedInstrument, resolveInstrument } from '../instruments/resolve.ts';
import { applyMapping, compileMapping, type ImportMapping, proposeMapping, targetList } from './mapping.ts';
import { dayOf, indicator, languageOf, splitChoices } from './matching.ts';

const resolved = resolveInstrument(cocreatieErvaringswerkers, (key, version) => getBuiltinFramework(key, version));
if (!resolved.ok) throw new Error('the built-in form does not resolve');
const instrument: ResolvedInstrument = resolved.instrument;

const apply = (header: string[], cells: string[], mapping: ImportMapping = proposeMapping(instrument, header), lang: 'nl' | 'en' = 'nl') => {
  const { plan } = compileMapping(instrument, header, mapping, lang);
  return applyMapping(plan, cells, lang);
};

describe('proposeMapping', () => {
  it('links headers by code, by code written as words, by the question text, statement text or option label', () => {
    const header = [
      'Respondent',
      'sector',
      'Uren per week',
      'Welke rol nemen of dienen ervaringswerkers op te nemen',
      'evenwaardige_positie.betaald_worden',
      'Een evenwaardige positie betekent: hetzelfde werk doen als professionals.',
      'belang_logicas[individuele_processen]',
      'organisatietype._other',
      'Kritische stem',
      'opleiding_geen_opleiding',
      'Taal',
      'Datum',
      'In which sector do you mainly work?',
      'OPMERKINGEN',
    ];
    expect(proposeMapping(instrument, header).columns).toEqual({
      Respondent: null,
      sector: 'sector',
      'Uren per week': 'uren_per_week',
      'Welke rol nemen of dienen ervaringswerkers op te nemen': 'rollen',
      'evenwaardige_positie.betaald_worden': 'evenwaardige_positie.betaald_worden',
      'Een evenwaardige positie betekent: hetzelfde werk doen als professionals.': 'evenwaardige_positie.hetzelfde_werk',
      'belang_logicas[individuele_processen]': 'belang_logicas.individuele_processen',
      'organisatietype._other': 'organisatietype._other',
      'Kritische stem': 'rollen.kritische_stem',
      opleiding_geen_opleiding: 'opleiding.geen_opleiding',
      Taal: '_language',
      Datum: '_submitted_on',
      // The same question a second time is left out: each target once.
      'In which sector do you mainly work?': null,
      OPMERKINGEN: 'opmerkingen',
    });
  });

  it('lists every target with its words for a mapping screen', () => {
    const targets = targetList(instrument, 'nl');
    expect(targets.find((t) => t.target === 'rollen')?.label).toMatch(/Welke rol/);
    expect(targets.find((t) => t.target === 'rollen.brugfiguur')?.label).toMatch(/Brugfiguur \(0\/1\)$/);
    expect(targets.find((t) => t.target === '_language')?.label).toMatch(/Taal/);
    expect(targets.some((t) => t.target === 'evenwaardige_positie')).toBe(false);
  });
});

describe('compileMapping', () => {
  it('says what is wrong with a mapping, column by column', () => {
    const header = ['a', 'b', 'c', 'd', 'd'];
    const { problems } = compileMapping(
      instrument,
      header,
      { columns: { a: 'bestaat_niet', b: 'evenwaardige_positie', c: 'sector', d: 'sector', e: 'rollen', ontbreekt: 'opleiding' } },
      'nl',
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { column: 'a', message: expect.stringMatching(/‘bestaat_niet’ is geen vraag/) },
        { column: 'b', message: expect.stringMatching(/uitspraken/) },
        { column: 'd', message: expect.stringMatching(/Twee kolommen/) },
        { column: 'd', message: expect.stringMatching(/al gekoppeld aan ‘sector’/) },
        { column: 'e', message: 'Deze kolom staat niet in het bestand.' },
        { column: 'ontbreekt', message: 'Deze kolom staat niet in het bestand.' },
        { column: 'statuut', message: expect.stringMatching(/‘statuut’ is verplicht, maar geen kolom/) },
      ]),
    );
    // A required question asked only after some answers is judged per row, not here.
    expect(problems.some((p) => p.column === 'betaling_hoe')).toBe(false);
  });
});

describe('applyMapping', () => {
  it('reads roles as label text, with ; , or | between them, without case or accents', () => {
    expect(apply(['rollen'], ['Kritische stem; Brugfiguur']).raw.rollen).toEqual(['kritische_stem', 'brugfiguur']);
    expect(apply(['rollen'], ['critical voice | BRIDGE FIGURE']).raw.rollen).toEqual(['kritische_stem', 'brugfiguur']);
    expect(apply(['rollen'], ['beleidsbeinvloeding,signaalfunctie']).raw.rollen).toEqual(['beleidsbeinvloeding', 'signaalfunctie']);
    expect(apply(['rollen'], ['kritische_stem']).raw.rollen).toEqual(['kritische_stem']);
  });

  it('keeps labels that hold a comma together', () => {
    const row = apply(['betaling_hoe'], ['Een loon, met een arbeidscontract, Een factuur, als zelfstandige']);
    expect(row.raw.betaling_hoe).toEqual(['loon', 'factuur']);
    expect(row.problems).toEqual([]);
  });

  it('reports a value that is no answer, naming it, and keeps the rest', () => {
    const row = apply(['rollen', 'sector'], ['Kritische stem; Toverfee', 'Tandzorg']);
    expect(row.raw.rollen).toEqual(['kritische_stem']);
    expect(row.problems).toEqual([
      { column: 'rollen', question: 'rollen', message: expect.stringContaining('‘Toverfee’ is geen antwoord') },
      { column: 'sector', question: 'sector', message: expect.stringContaining('‘Tandzorg’') },
    ]);
  });

  it('reads 0/1 columns, one per option, and merges them with a column of the question', () => {
    const header = ['rollen.kritische_stem', 'Brugfiguur', 'rollen.signaalfunctie'];
    expect(apply(header, ['1', 'x', '0']).raw.rollen).toEqual(['kritische_stem', 'brugfiguur']);
    expect(apply(header, ['', '', '']).raw.rollen).toEqual([]);
    const bad = apply(header, ['misschien', '', '']);
    expect(bad.problems[0]).toMatchObject({ column: 'rollen.kritische_stem', message: expect.stringMatching(/‘misschien’ kunnen we niet lezen/) });
  });

  it('reads decimal commas where a number is expected and words of a scale as its point', () => {
    const header = ['uren_per_week', 'omkadering_voldoende', 'evenwaardige_positie.betaald_worden', 'evenwaardige_positie.hetzelfde_werk'];
    expect(apply(header, ['7,5', 'Akkoord', 'Weet ik niet', '4,0']).raw).toEqual({
      uren_per_week: '7.5',
      omkadering_voldoende: '4',
      'evenwaardige_positie.betaald_worden': '_no_opinion',
      'evenwaardige_positie.hetzelfde_werk': '4',
    });
    expect(apply(['evenwaardige_positie.betaald_worden'], ['heel erg']).problems).toHaveLength(1);
  });

  it('a filled-in "something else" means that answer was chosen', () => {
    expect(apply(['organisatietype._other'], ['Huisartsenpraktijk']).raw).toEqual({
      organisatietype: '_other',
      'organisatietype._other': 'Huisartsenpraktijk',
    });
    expect(apply(['omkadering', 'omkadering._other'], ['Coaching', 'Buddy']).raw.omkadering).toEqual(['coaching', '_other']);
  });

  it('recodes values the mapping names (an older survey that stored numbers)', () => {
    const mapping = {
      columns: { Sector: 'sector', Rol: 'rollen' },
      values: { Sector: { '1': 'ggz', '2': 'jeugdhulp' }, Rol: { A: 'kritische_stem', B: 'brugfiguur' } },
    };
    const row = apply(['Sector', 'Rol'], ['2', 'A;B'], mapping);
    expect(row.raw).toEqual({ sector: 'jeugdhulp', rollen: ['kritische_stem', 'brugfiguur'] });
  });

  it('reads the language, dates and team of a row', () => {
    const row = apply(['Taal', 'Datum', 'Gestart op', 'Team'], ['English', '31-03-2024 14:05', '2024-03-30', 'Team Oost']);
    expect(row).toMatchObject({ language: 'en', submittedOn: '2024-03-31', startedOn: '2024-03-30', team: 'Team Oost', problems: [] });
    const bad = apply(['Taal', 'Datum'], ['Frans', '31-02-2024'], undefined, 'en');
    expect(bad.problems.map((p) => p.message)).toEqual([expect.stringMatching(/not a language/), expect.stringMatching(/as a date/)]);
  });
});

describe('cell readers', () => {
  it('splits choices', () => {
    const match = (t: string) => ({ a: 'a', b: 'b', 'c, d': 'cd' })[t.trim()];
    expect(splitChoices('a;b', match)).toEqual({ keys: ['a', 'b'], unknown: [] });
    expect(splitChoices('a|c, d|x', match)).toEqual({ keys: ['a', 'cd'], unknown: ['x'] });
    expect(splitChoices('a, b, a', match)).toEqual({ keys: ['a', 'b'], unknown: [] });
  });

  it.each([
    ['1', true],
    ['X', true],
    ['ja', true],
    ['WAAR', true],
    ['1,0', true],
    ['0', false],
    ['', false],
    ['nee', false],
    ['2', undefined],
    ['soms', undefined],
  ])('indicator %j → %s', (cell, expected) => {
    expect(indicator(cell)).toBe(expected);
  });

  it.each([
    ['2024-03-31', '2024-03-31'],
    ['2024-3-1', '2024-03-01'],
    ['31/03/2024', '2024-03-31'],
    ['1.3.2024', '2024-03-01'],
    ['2024-03-31T23:59:59+02:00', '2024-03-31'],
    ['29-02-2023', undefined],
    ['03/31/2024', undefined],
    ['gisteren', undefined],
  ])('day %j → %s', (cell, expected) => {
    expect(dayOf(cell)).toBe(expected);
  });

  it('languages', () => {
    expect(['nl', 'NL', 'Nederlands', 'en-GB', 'Engels'].map(languageOf)).toEqual(['nl', 'nl', 'nl', 'en', 'en']);
    expect(languageOf('fr')).toBeUndefined();
  });
});
