import { describe, expect, it } from 'vitest';
import { getBuiltinFramework } from './builtin.shared.ts';
import { composeCodes, sameContent } from './compose.ts';
import type { FrameworkCode } from './model.ts';

const own = (key: string): FrameworkCode => ({ key, label: { nl: key, en: key }, definition: { nl: `${key}.`, en: `${key}.` } });
const themes = getBuiltinFramework('themes');

describe('composeCodes', () => {
  it('keeps an own framework as it is', () => {
    expect(composeCodes({ key: 'eigen', codes: [own('a'), own('b')] }, undefined, 'nl')).toEqual({ ok: true, codes: [own('a'), own('b')], extendsKey: null });
  });

  it('refuses duplicate code keys, naming the field', () => {
    const result = composeCodes({ key: 'eigen', codes: [own('a'), own('a')] }, undefined, 'nl');
    expect(result).toEqual({ ok: false, issues: [{ path: 'codes.1.key', message: expect.stringContaining("De code 'a' komt meer dan één keer voor") }] });
  });

  it('refuses a built-in key unless it extends it, in the reader’s language', () => {
    const nl = composeCodes({ key: 'themes', codes: [own('a')] }, themes, 'nl');
    expect(nl).toEqual({ ok: false, issues: [{ path: 'key', message: expect.stringMatching(/^'themes' is de naam van een ingebouwd kader/) }] });
    const en = composeCodes({ key: 'themes', codes: [own('a')] }, themes, 'en');
    expect(en).toEqual({ ok: false, issues: [{ path: 'key', message: expect.stringMatching(/^'themes' is the name of a built-in framework/) }] });
  });

  it('extends a built-in framework: its codes first, then the own ones', () => {
    const result = composeCodes({ key: 'themes', codes: [own('eenzaamheid')], extendsBuiltin: true }, themes, 'nl');
    expect(result.ok && result.codes.map((c) => c.key)).toEqual([...(themes?.codes.map((c) => c.key) ?? []), 'eenzaamheid']);
    expect(result.ok && result.extendsKey).toBe('themes');
  });

  it('refuses own codes that reuse a built-in code key, and extending what is not built in', () => {
    const reused = composeCodes({ key: 'themes', codes: [own('ok'), own('stigma')], extendsBuiltin: true }, themes, 'nl');
    expect(reused.ok === false && reused.issues.map((i) => i.path)).toEqual(['codes.1.key']);
    const nothing = composeCodes({ key: 'eigen', codes: [own('a')], extendsBuiltin: true }, undefined, 'nl');
    expect(nothing.ok === false && nothing.issues.map((i) => i.path)).toEqual(['extendsBuiltin']);
  });
});

describe('sameContent', () => {
  const base = { name: { nl: 'N', en: 'N' }, description: { nl: 'D', en: 'D' }, codes: [own('a')] };
  it('ignores property order and an explicit exclusive: false', () => {
    const reordered = { description: { en: 'D', nl: 'D' }, name: { en: 'N', nl: 'N' }, codes: [{ ...own('a'), exclusive: false }] };
    expect(sameContent(base, reordered)).toBe(true);
  });
  it('sees any change of text or codes', () => {
    expect(sameContent(base, { ...base, name: { nl: 'N2', en: 'N' } })).toBe(false);
    expect(sameContent(base, { ...base, codes: [own('a'), own('b')] })).toBe(false);
    expect(sameContent(base, { ...base, codes: [{ ...own('a'), exclusive: true }] })).toBe(false);
  });
});
