import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import { validateAnswers } from './answers.ts';
import { builtinInstruments } from './builtin/cocreatie-in-beeld.ts';
import { resolveInstrument } from './resolve.ts';
import { sampleAnswers, seededPick } from './sample-answers.ts';

const resolved = builtinInstruments.map((definition) => {
  const result = resolveInstrument(definition, (key, version) => getBuiltinFramework(key, version));
  if (!result.ok) throw new Error(`${definition.key} does not resolve`);
  return result.instrument;
});

describe('sampleAnswers', () => {
  it('always produces a valid response to both Cocreatie in beeld forms, whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...resolved), (seed, instrument) => {
        const result = validateAnswers(instrument, sampleAnswers(instrument, seededPick(seed)), 'nl');
        expect(result.ok ? [] : result.issues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('is repeatable for one seed and varies between seeds', () => {
    const instrument = resolved[0];
    if (!instrument) throw new Error('no instrument');
    expect(sampleAnswers(instrument, seededPick(7))).toEqual(sampleAnswers(instrument, seededPick(7)));
    const distinct = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(sampleAnswers(instrument, seededPick(seed)))));
    expect(distinct.size).toBeGreaterThan(15);
  });
});
