import { describe, expect, it } from 'vitest';
import type { Framework } from '../frameworks/model.ts';
import type { InstrumentDefinition, Question } from './definition.ts';
import { type FrameworkLookup, frameworkReferences, resolveInstrument } from './resolve.ts';

const t = (nl: string, en = nl) => ({ nl, en });
const code = (key: string, exclusive?: boolean) => ({ key, label: t(`Label ${key}`), definition: t(`Uitleg ${key}`), ...(exclusive ? { exclusive } : {}) });

const frameworks: Framework[] = [
  {
    key: 'roles',
    version: 1,
    scope: 'builtin',
    name: t('Rollen'),
    description: t('Rollen'),
    codes: [code('kritische_stem'), code('brugfiguur'), code('geen_specifieke_rol', true)],
  },
  { key: 'roles', version: 2, scope: 'builtin', name: t('Rollen'), description: t('Rollen'), codes: [code('kritische_stem')] },
];
const lookup: FrameworkLookup = (key, version) => frameworks.find((f) => f.key === key && f.version === version);

const definition = (...questions: Question[]): InstrumentDefinition => ({
  key: 'proef',
  title: t('Proef'),
  intro: t(''),
  sections: [{ key: 'deel', title: t('Deel'), questions }],
});
const roles = (options: Extract<Question, { type: 'multiple' }>['options'], extra: Partial<Question> = {}): Question =>
  ({ key: 'rollen', type: 'multiple', text: t('Rollen?'), required: true, options, ...extra }) as Question;

describe('resolveInstrument', () => {
  it('writes out framework codes as options, keeping their order, exclusiveness and source', () => {
    const result = resolveInstrument(definition(roles({ framework: 'roles', version: 1 })), lookup);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const question = result.instrument.sections[0]?.questions[0];
    expect(question).toMatchObject({ source: { framework: 'roles', version: 1 } });
    expect(question && 'options' in question ? question.options : []).toEqual([
      { key: 'kritische_stem', label: t('Label kritische_stem'), exclusive: false, description: t('Uitleg kritische_stem') },
      { key: 'brugfiguur', label: t('Label brugfiguur'), exclusive: false, description: t('Uitleg brugfiguur') },
      { key: 'geen_specifieke_rol', label: t('Label geen_specifieke_rol'), exclusive: true, description: t('Uitleg geen_specifieke_rol') },
    ]);
  });

  it('narrows with include and exclude, and marks extra codes exclusive', () => {
    const narrowed = resolveInstrument(
      definition(roles({ framework: 'roles', version: 1, exclude: ['geen_specifieke_rol'], exclusive: ['brugfiguur'] })),
      lookup,
    );
    expect(narrowed.ok && narrowed.instrument.sections[0]?.questions[0]).toMatchObject({
      options: [
        { key: 'kritische_stem', exclusive: false },
        { key: 'brugfiguur', exclusive: true },
      ],
    });
    const only = resolveInstrument(definition(roles({ framework: 'roles', version: 1, include: ['brugfiguur'] })), lookup);
    expect(only.ok && only.instrument.sections[0]?.questions[0]).toMatchObject({ options: [{ key: 'brugfiguur' }] });
  });

  it('writes out matrix statements from a framework, as labels or as definitions', () => {
    const matrix = (text: 'label' | 'definition'): Question => ({
      key: 'm',
      type: 'matrix',
      text: t('M?'),
      required: false,
      items: { framework: 'roles', version: 2, text },
      points: [1, 2].map((value) => ({ value, label: t(String(value)) })),
    });
    const byLabel = resolveInstrument(definition(matrix('label')), lookup);
    expect(byLabel.ok && byLabel.instrument.sections[0]?.questions[0]).toMatchObject({ items: [{ key: 'kritische_stem', text: t('Label kritische_stem') }] });
    const byDefinition = resolveInstrument(definition(matrix('definition')), lookup);
    expect(byDefinition.ok && byDefinition.instrument.sections[0]?.questions[0]).toMatchObject({ items: [{ text: t('Uitleg kritische_stem') }] });
  });

  it('refuses an unknown framework or version, and unknown codes', () => {
    expect(resolveInstrument(definition(roles({ framework: 'roles', version: 3 })), lookup)).toEqual({
      ok: false,
      issues: [
        {
          path: ['sections', 0, 'questions', 0, 'options', 'framework'],
          message: { nl: 'Het kader ‘roles’ (versie 3) bestaat niet.', en: 'Framework ‘roles’ (version 3) does not exist.' },
        },
      ],
    });
    expect(resolveInstrument(definition(roles({ framework: 'rollen', version: 1 })), lookup).ok).toBe(false);
    const unknownCode = resolveInstrument(definition(roles({ framework: 'roles', version: 1, include: ['brugfiguur', 'zz'] })), lookup);
    expect(unknownCode.ok ? [] : unknownCode.issues.map((i) => i.message.nl)).toEqual(['Het kader ‘roles’ heeft geen code ‘zz’.']);
  });

  it('refuses a selection that leaves nothing, and a maximum above what is left', () => {
    const nothing = resolveInstrument(definition(roles({ framework: 'roles', version: 2, exclude: ['kritische_stem'] })), lookup);
    expect(nothing.ok ? [] : nothing.issues.map((i) => i.message.nl)).toEqual(['Er blijft niets over om uit te kiezen.']);
    const tooMany = resolveInstrument(definition(roles({ framework: 'roles', version: 2 }, { maxSelected: 2 })), lookup);
    expect(tooMany.ok ? [] : tooMany.issues.map((i) => i.path.join('.'))).toEqual(['sections.0.questions.0.maxSelected']);
  });

  it('checks conditions on framework options once the options are known', () => {
    const later = (equals: string): Question => ({
      key: 'toelichting',
      type: 'long_text',
      text: t('Toelichting?'),
      required: false,
      showIf: { question: 'rollen', equals },
    });
    expect(resolveInstrument(definition(roles({ framework: 'roles', version: 1 }), later('brugfiguur')), lookup).ok).toBe(true);
    const wrong = resolveInstrument(definition(roles({ framework: 'roles', version: 1 }), later('bruggenbouwer')), lookup);
    expect(wrong.ok ? [] : wrong.issues.map((i) => i.path.join('.'))).toEqual(['sections.0.questions.1.showIf.equals']);
  });

  it('lists the frameworks a definition draws from, once each', () => {
    expect(frameworkReferences(definition(roles({ framework: 'roles', version: 1 }), { ...roles({ framework: 'roles', version: 1 }), key: 'ander' }))).toEqual([
      { framework: 'roles', version: 1 },
    ]);
  });
});
