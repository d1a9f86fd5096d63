import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESERVED, safeName, VariableNamer } from './variable-names.ts';

const acceptable = (name: string) =>
  Buffer.byteLength(name) <= 64 && /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && !name.endsWith('_') && !RESERVED.has(name.toUpperCase());

describe('variable names researchers’ tools accept', () => {
  it('keeps question keys that are already fine', () => {
    expect(safeName('rollen_kritische_stem')).toBe('rollen_kritische_stem');
  });

  it('starts with a letter, leaves out reserved words and cuts at 64 bytes', () => {
    expect(safeName('_other')).toBe('other');
    expect(safeName('2024')).toBe('v_2024');
    expect(safeName('to')).toBe('to_v');
    expect(safeName('WITH')).toBe('WITH_v');
    expect(safeName('a'.repeat(80))).toHaveLength(64);
    expect(safeName('vraag_é')).toBe('vraag_e');
  });

  it('makes names unique without regard to case, still within 64 bytes', () => {
    const namer = new VariableNamer();
    const long = 'x'.repeat(70);
    expect([namer.name(long), namer.name(long), namer.name('Team'), namer.name('team')]).toEqual(['x'.repeat(64), `${'x'.repeat(62)}_2`, 'Team', 'team_2']);
  });

  it('gives acceptable, unique names for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 90 }), { maxLength: 30 }), (wishes) => {
        const namer = new VariableNamer();
        const names = wishes.map((w) => namer.name(w));
        expect(names.every(acceptable)).toBe(true);
        expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
      }),
    );
  });
});
