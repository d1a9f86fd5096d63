import { describe, expect, it } from 'vitest';
import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import { cocreatieErvaringswerkers } from '../instruments/builtin/cocreatie-in-beeld.ts';
import type { InstrumentDefinition } from '../instruments/definition.ts';
import { resolveInstrument } from '../instruments/resolve.ts';
import { buildCodebook, caseLayout, caseValues, NO_OPINION_CODE } from './codebook.ts';
import { rScript, rString } from './r-script.ts';

function resolved(definition: InstrumentDefinition) {
  const result = resolveInstrument(definition, (key, version) => getBuiltinFramework(key, version));
  if (!result.ok) throw new Error('does not resolve');
  return result.instrument;
}

const instrument = resolved(cocreatieErvaringswerkers);
const teams = [
  { id: 't1', name: 'Team Herstel' },
  { id: 't2', name: 'Team Inloophuis' },
];
const closed = buildCodebook(instrument, { lang: 'nl', openText: false, teams, textWidths: new Map() });
const open = buildCodebook(instrument, { lang: 'en', openText: true, teams, textWidths: new Map([['opmerkingen', 12]]) });
const byName = (codebook: typeof closed, name: string) => codebook.variables.find((v) => v.name === name) ?? expect.unreachable(name);

describe('the codebook of a response-level export', () => {
  it('has a 0/1 variable per option of a multiple choice, documented as a multiple dichotomy set', () => {
    const set = closed.multipleResponseSets.find((s) => s.question === 'rollen') ?? expect.unreachable('set');
    expect(set.variables).toContain('rollen_kritische_stem');
    expect(set.variables).toContain('rollen_geen_specifieke_rol');
    expect(set.countedValue).toBe(1);
    const indicator = byName(closed, 'rollen_kritische_stem');
    expect(indicator.valueLabels.map((l) => [l.value, l.label])).toEqual([
      [0, 'Niet gekozen'],
      [1, 'Gekozen'],
    ]);
    expect(indicator.target).toBe('rollen.kritische_stem');
    expect(indicator.label).toBe('Welke rol nemen of dienen ervaringswerkers op te nemen?: Kritische stem');
  });

  it('codes single choices 1…k with value labels in the chosen language, and “something else” after them', () => {
    const sector = byName(open, 'sector');
    expect(sector.measure).toBe('nominal');
    expect(sector.valueLabels[0]).toMatchObject({ value: 1, key: 'ggz' });
    expect(sector.label).toBe('In which sector do you mainly work?');
    expect(byName(open, 'organisatietype').valueLabels.at(-1)?.key).toBe('_other');
  });

  it('makes scales ordinal with “no opinion” as a user-missing code', () => {
    const item = byName(closed, 'evenwaardige_positie_betaald_worden');
    expect(item.measure).toBe('ordinal');
    expect(item.missing).toEqual([NO_OPINION_CODE]);
    expect(item.valueLabels.find((l) => l.value === NO_OPINION_CODE)?.key).toBe('_no_opinion');
    expect(byName(closed, 'uren_per_week').measure).toBe('scale');
  });

  it('leaves open answers out unless the round allows them, and then sizes the strings by the longest text', () => {
    expect(closed.variables.some((v) => v.role === 'text' || v.role === 'other_text')).toBe(false);
    expect(closed.withheld).toContain('opmerkingen');
    expect(byName(open, 'opmerkingen')).toMatchObject({ role: 'text', width: 12 });
    expect(open.variables.some((v) => v.role === 'other_text')).toBe(true);
  });

  it('has unique names everywhere', () => {
    expect(new Set(open.variables.map((v) => v.name.toUpperCase())).size).toBe(open.variables.length);
  });

  it('turns answer rows into a case: chosen 1, not chosen 0, a missing marker missing, no opinion 999', () => {
    const layout = caseLayout(closed);
    const row = (question: string, option: string | null, extra: { item?: string; number?: number; text?: string } = {}) => ({
      question,
      item: extra.item ?? null,
      option,
      number_value: extra.number ?? null,
      text_value: extra.text ?? null,
    });
    const values = caseValues(layout, 7, {
      teamId: 't2',
      language: 'en',
      answers: [
        row('sector', 'jeugdhulp'),
        row('rollen', 'brugfiguur'),
        row('rollen', 'kritische_stem', { text: '_missing' }),
        row('evenwaardige_positie', '_no_opinion', { item: 'betaald_worden' }),
        row('evenwaardige_positie', null, { item: 'hetzelfde_werk', number: 4 }),
        row('omkadering_voldoende', null, { number: 2 }),
        row('opmerkingen', null, { text: 'geheim' }),
      ],
    });
    const at = (name: string) => values[closed.variables.findIndex((v) => v.name === name)];
    expect([at('volgnummer'), at('team'), at('taal')]).toEqual([7, 2, 2]);
    expect(at('sector')).toBe(3);
    expect(at('rollen_brugfiguur')).toBe(1);
    expect(at('rollen_signaalfunctie')).toBe(0);
    expect(at('rollen_kritische_stem')).toBe(null);
    expect(at('statuut_vrijwilliger')).toBe(null); // not answered at all
    expect(at('evenwaardige_positie_betaald_worden')).toBe(NO_OPINION_CODE);
    expect(at('evenwaardige_positie_hetzelfde_werk')).toBe(4);
    // A scale of one statement: the point, on the question's own variable.
    expect(at('omkadering_voldoende')).toBe(2);
    expect(values).not.toContain('geheim');
  });
});

describe('the R script made from the codebook', () => {
  const script = rScript(open, { dataFile: 'data.csv', csv: { separator: ';', decimalComma: true }, objectName: 'data', title: 'Proef' });

  it('is ASCII with every other character escaped', () => {
    expect(/^[\x20-\x7e\n]*$/.test(script)).toBe(true);
    expect(rString('ë "x" \\ 😀')).toBe('"\\u00eb \\"x\\" \\\\ \\U0001f600"');
  });

  it('reads the CSV with the chosen separator and decimal mark', () => {
    expect(script).toContain('sep = ";", dec = ","');
    expect(script).toContain('"opmerkingen" = "character"');
  });

  it('sets a label on every variable, factors for choices, labels for 0/1 and scales, NA for no opinion, and the sets', () => {
    for (const v of open.variables) expect(script).toContain(`attr(d[[${rString(v.name)}]], "label") <- ${rString(v.label)}`);
    expect(script).toMatch(/d\[\["sector"\]\] <- factor\(d\[\["sector"\]\], levels = c\(1, 2, 3, 4\), labels = c\(/);
    expect(script).toContain('attr(d[["rollen_brugfiguur"]], "labels") <- c("Not chosen" = 0, "Chosen" = 1)');
    expect(script).toContain('d[["evenwaardige_positie_betaald_worden"]][d[["evenwaardige_positie_betaald_worden"]] %in% c(999)] <- NA');
    expect(script).toContain('attr(d, "mrsets") <- list(');
    expect(script).toContain('"rollen" = list(label = ');
  });

  it('has balanced brackets and quotes (outside string literals)', () => {
    const code = script.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/#.*$/gm, '');
    expect(code.includes('"')).toBe(true);
    for (const [o, c] of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ] as const)
      expect(code.split(o).length, o).toBe(code.split(c).length);
  });
});
