import { describe, expect, it } from 'vitest';
import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import { cocreatieErvaringswerkers } from '../instruments/builtin/cocreatie-in-beeld.ts';
import { type ResolvedInstrument, resolveInstrument } from '../instruments/resolve.ts';
import { compileMapping, proposeMapping } from './mapping.ts';
import { type CheckContext, checkRow, ProblemList, teamLinkKey } from './validate-import.ts';

const resolved = resolveInstrument(cocreatieErvaringswerkers, (key, version) => getBuiltinFramework(key, version));
if (!resolved.ok) throw new Error('the built-in form does not resolve');
const instrument: ResolvedInstrument = resolved.instrument;

const header = ['sector', 'organisatietype', 'statuut', 'betaald', 'betaling_hoe', 'opleiding', 'uren_per_week', 'rollen', 'omkadering', 'opmerkingen'];
const good = [
  'GGZ (geestelijke gezondheidszorg)',
  'ambulant',
  'Vrijwilliger',
  'Nee',
  '',
  'Geen opleiding',
  '12,0',
  'Kritische stem; Brugfiguur',
  'Intervisie',
  'Goed',
];

function context(columns: string[] = header, overrides: Partial<CheckContext> = {}, lang: 'nl' | 'en' = 'nl'): CheckContext {
  const { plan } = compileMapping(instrument, columns, proposeMapping(instrument, columns), lang);
  return {
    instrument,
    plan,
    lang,
    today: '2027-01-15',
    headerWidth: columns.length,
    defaultLink: { linkId: 'org-link', teamId: null },
    teamLinks: new Map([[teamLinkKey('Team Oost'), { linkId: 'oost-link', teamId: 'oost' }]]),
    ...overrides,
  };
}

const withCell = (column: string, value: string) => good.map((cell, i) => (header[i] === column ? value : cell));

describe('checkRow', () => {
  it('turns a good row into the long rows to store, with the import day as its dates', () => {
    const result = checkRow(context(), { line: 2, cells: good });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.row).toMatchObject({ line: 2, language: 'nl', startedOn: '2027-01-15', submittedOn: '2027-01-15', link: { linkId: 'org-link' } });
    expect(result.row.answers.filter((a) => a.question === 'rollen').map((a) => a.option)).toEqual(['kritische_stem', 'brugfiguur']);
    expect(result.row.answers.find((a) => a.question === 'uren_per_week')?.number).toBe(12);
    expect(result.row.answers.find((a) => a.question === 'sector')?.option).toBe('ggz');
  });

  it.each([
    ['rollen', 'Kritische stem; Toverfee', /‘Toverfee’ is geen antwoord bij deze vraag/],
    ['uren_per_week', '120', /Vul een getal in tussen 0 en 80/],
    ['uren_per_week', '7,5', /geheel getal/],
    ['rollen', 'Kritische stem; Geen specifieke rol', /‘Geen specifieke rol’ kan je niet combineren/],
    ['opleiding', '', /Kies minstens één antwoord/],
    ['statuut', 'Vrijwilliger; Betaalde werknemer; Zelfstandige', /hoogstens 2/],
    ['betaling_hoe', 'Een loon, met een arbeidscontract', /Door een eerder antwoord/],
  ])('a bad %s (%j) is reported with its row and column', (column, value, message) => {
    const result = checkRow(context(), { line: 7, cells: withCell(column, value) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ row: 7, column, message: expect.stringMatching(message) }]);
  });

  it('speaks English when asked', () => {
    const result = checkRow(context(header, {}, 'en'), { line: 3, cells: withCell('rollen', '') });
    expect(!result.ok && result.problems[0]?.message).toBe('Choose at least one answer.');
  });

  it('a required question without a column is said once for the file, and per row only when an earlier answer asks it', () => {
    const columns = header.filter((h) => h !== 'betaling_hoe');
    const cells = good.filter((_, i) => header[i] !== 'betaling_hoe');
    const betaald = columns.indexOf('betaald');
    const ctx = context(columns);
    expect(checkRow(ctx, { line: 2, cells }).ok).toBe(true);
    const asked = checkRow(ctx, { line: 3, cells: cells.map((c, i) => (i === betaald ? 'Ja' : c)) });
    expect(asked).toMatchObject({ ok: false, problems: [], needs: ['betaling_hoe'] });
  });

  it('checks dates, the team and stray cells', () => {
    const columns = [...header, 'Datum', 'Gestart op', 'Team'];
    const row = (date: string, started: string, team: string, extra: string[] = []) =>
      checkRow(context(columns), { line: 4, cells: [...good, date, started, team, ...extra] });
    const ok = row('31-12-2026', '', 'team oost');
    expect(ok).toMatchObject({ ok: true, row: { startedOn: '2026-12-31', submittedOn: '2026-12-31', link: { linkId: 'oost-link', teamId: 'oost' } } });
    expect(row('', '', '')).toMatchObject({ ok: true, row: { link: { linkId: 'org-link' } } });
    const bad = row('2030-01-01', '2026-02-01', 'Team West', ['', 'over']);
    expect(bad.ok ? [] : bad.problems.map((p) => [p.column, p.message])).toEqual([
      ['kolom 15', expect.stringMatching(/meer cellen dan er kolommen/)],
      ['Datum', 'Deze datum ligt in de toekomst.'],
      ['Team', expect.stringMatching(/geen link voor het team ‘Team West’/)],
    ]);
    expect(row('2026-01-01', '2026-02-01', '')).toMatchObject({
      ok: false,
      problems: [{ column: 'Gestart op', message: expect.stringMatching(/na de datum/) }],
    });
  });

  it('without a link for the organisation, a row without a team is refused', () => {
    const result = checkRow(context([...header, 'Team'], { defaultLink: undefined }), { line: 5, cells: [...good, ''] });
    expect(result).toMatchObject({ ok: false, problems: [{ column: 'Team', message: expect.stringMatching(/geen link voor de hele organisatie/) }] });
  });
});

describe('ProblemList', () => {
  it('counts everything, lists the first ones, and sums up unlinked required questions once', () => {
    const list = new ProblemList('nl', 3);
    list.addMapping([{ column: 'x', message: 'm' }], 1);
    for (let line = 2; line <= 6; line++)
      list.addRow({ ok: false, line, problems: [{ row: line, column: 'rollen', message: 'p' }], needs: line > 4 ? ['betaling_hoe'] : [] });
    const { problems, total } = list.finish();
    expect(total).toBe(7);
    expect(list.invalidRows).toBe(5);
    expect(problems.map((p) => p.row)).toEqual([1, 2, 3, 5]);
    expect(problems.at(-1)).toEqual({ row: 5, column: 'betaling_hoe', message: expect.stringMatching(/verplicht in 2 rijen/) });
  });
});
