import { describe, expect, it } from 'vitest';
import { getBuiltinFramework } from '../../frameworks/builtin.shared.ts';
import { validateAnswers } from '../answers.ts';
import { allQuestions } from '../definition.ts';
import { type ResolvedInstrument, resolveInstrument } from '../resolve.ts';
import { parseDefinition, publishIssues } from '../validation.ts';
import { builtinInstruments, cocreatieErvaringswerkers, cocreatieProfessionals, sharedQuestionKeys } from './cocreatie-in-beeld.ts';

function resolved(definition: unknown): ResolvedInstrument {
  const parsed = parseDefinition(definition, 'nl');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  expect(publishIssues(parsed.definition)).toEqual([]);
  const result = resolveInstrument(parsed.definition, (key, version) => getBuiltinFramework(key, version));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.instrument;
}

const question = (instrument: ResolvedInstrument, key: string) => allQuestions(instrument).find((q) => q.key === key);

describe('Cocreatie in beeld', () => {
  it('both forms are valid, publishable definitions that resolve against the built-in frameworks', () => {
    expect(builtinInstruments.map((i) => i.key)).toEqual(['cocreatie-ervaringswerkers', 'cocreatie-professionals']);
    for (const definition of builtinInstruments) expect(() => resolved(definition)).not.toThrow();
  });

  it('the forms share their common questions: same keys, same type, same options and statements', () => {
    const ew = resolved(cocreatieErvaringswerkers);
    const pro = resolved(cocreatieProfessionals);
    for (const key of sharedQuestionKeys) {
      const a = question(ew, key);
      const b = question(pro, key);
      expect(a, key).toBeDefined();
      expect(b, key).toBeDefined();
      expect(b?.type, key).toBe(a?.type);
      if (a?.type === 'matrix' && b?.type === 'matrix') {
        expect(b.items.map((i) => i.key)).toEqual(a.items.map((i) => i.key));
        expect(b.points).toEqual(a.points);
      }
      // The professionals may also say they do not know; every option of the experience workers is there.
      if (a && 'options' in a && b && 'options' in b) expect(b.options.map((o) => o.key)).toEqual(expect.arrayContaining(a.options.map((o) => o.key)));
    }
  });

  it('asks the roles question in the words of the seed, from the roles framework, with "no specific role" on its own', () => {
    for (const definition of builtinInstruments) {
      const roles = question(resolved(definition), 'rollen');
      expect(roles).toMatchObject({
        type: 'multiple',
        text: { nl: 'Welke rol nemen of dienen ervaringswerkers op te nemen?' },
        source: { framework: 'roles', version: 1 },
      });
      expect(roles && 'options' in roles ? roles.options.filter((o) => o.exclusive).map((o) => o.key) : []).toEqual(['geen_specifieke_rol']);
      expect(roles && 'options' in roles ? roles.options : []).toHaveLength(9);
    }
  });

  it('experience workers give up to two statuses and their training; "no training" stands alone', () => {
    const ew = resolved(cocreatieErvaringswerkers);
    expect(question(ew, 'statuut')).toMatchObject({ type: 'multiple', maxSelected: 2, source: { framework: 'status', version: 1 } });
    const training = question(ew, 'opleiding');
    expect(training && 'options' in training ? training.options.find((o) => o.key === 'geen_opleiding')?.exclusive : false).toBe(true);
  });

  it('professionals choose among the three professional positions', () => {
    const position = question(resolved(cocreatieProfessionals), 'positie');
    expect(position && 'options' in position ? position.options.map((o) => o.key) : []).toEqual(['practitioner', 'coordinator', 'policy_officer']);
  });

  it('asks the equal-position statements with the same statement keys in both forms, on a five-point scale', () => {
    const keys = (d: typeof cocreatieErvaringswerkers) => {
      const q = question(resolved(d), 'evenwaardige_positie');
      return q?.type === 'matrix' ? q.items.map((i) => i.key) : [];
    };
    expect(keys(cocreatieErvaringswerkers)).toEqual(keys(cocreatieProfessionals));
    expect(keys(cocreatieErvaringswerkers)).toEqual(
      expect.arrayContaining([
        'betaald_worden',
        'hetzelfde_werk',
        'opleiding_gevolgd',
        'hierarchie_ervaringen',
        'vrijwillig_vs_betaald',
        'levenservaring_als_ancienniteit',
      ]),
    );
    const logics = question(resolved(cocreatieErvaringswerkers), 'belang_logicas');
    expect(logics?.type === 'matrix' ? logics.items.map((i) => i.key) : []).toEqual(['individuele_processen', 'toegankelijke_hulpverlening', 'burgerschap']);
  });

  it('has English for every Dutch text', () => {
    const texts: { nl: string; en: string }[] = [];
    JSON.stringify(builtinInstruments, (_key, value) => {
      if (value && typeof value === 'object' && 'nl' in value && 'en' in value) texts.push(value);
      return value;
    });
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((text) => text.nl.trim() === '' || text.en.trim() === '')).toEqual([]);
  });

  it('a typical experience worker can answer it, and payment details only when paid', () => {
    const ew = resolved(cocreatieErvaringswerkers);
    const answers = {
      sector: 'ggz',
      organisatietype: 'ambulant',
      statuut: ['vrijwilliger', 'betaalde_werknemer'],
      betaald: 'soms',
      betaling_hoe: ['loon', 'vrijwilligersvergoeding'],
      opleiding: ['opleiding_ervaringswerk'],
      rollen: ['kritische_stem', 'ondersteuning'],
      omkadering: ['intervisie', 'coaching'],
      evenwaardige_positie: { betaald_worden: 4, hierarchie_ervaringen: '_no_opinion' },
    };
    expect(validateAnswers(ew, answers, 'nl').ok).toBe(true);
    expect(validateAnswers(ew, { ...answers, betaald: 'nee' }, 'nl')).toMatchObject({ ok: false, issues: [{ question: 'betaling_hoe' }] });
    expect(validateAnswers(ew, { ...answers, statuut: ['vrijwilliger', 'betaalde_werknemer', 'zelfstandige'] }, 'nl')).toMatchObject({
      ok: false,
      issues: [{ question: 'statuut', message: 'Kies hoogstens 2 antwoorden.' }],
    });
  });
});
