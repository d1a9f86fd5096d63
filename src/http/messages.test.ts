import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { catalogues, issuesOf, messageOf, textOf } from './messages.ts';

const src = path.resolve(import.meta.dirname, '..');
const sourceFiles = (readdirSync(src, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('messages.ts'))
  .map((f) => path.join(src, f));
const prefixes = Object.keys(catalogues);
const prefixPattern = prefixes.map((p) => p.replace(/[-.]/g, '\\$&')).join('|');
/**
 * Every code written in src/ where a code goes (`code: '…'`, `conflict('…')`, `invalid(path, '…')`,
 * `refused('…')`, `textOf('…')`, `error.code === '…'`, on the rest of that line), and the heads of
 * codes built from a template (`accounts.password_${problem}`).
 */
function codesInSource(): { literal: Map<string, string>; templates: Set<string> } {
  const literal = new Map<string, string>();
  const templates = new Set<string>();
  const code = new RegExp(`'((?:${prefixPattern})\\.[a-z_]+)'`, 'g');
  for (const file of sourceFiles) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const at = line.search(/\bcode:|\bcode ===|\bconflict\(|\btextOf\(|\binvalid\(|\brefused\(/);
      if (at < 0) continue;
      for (const m of line.slice(at).matchAll(code)) literal.set(m[1] as string, path.relative(src, file));
      for (const m of line.slice(at).matchAll(new RegExp(`\`((?:${prefixPattern})\\.[a-z_]*)\\$\\{`, 'g'))) templates.add(m[1] as string);
    }
  }
  return { literal, templates };
}

describe('message catalogues', () => {
  const all = Object.entries(catalogues).flatMap(([prefix, catalogue]) => Object.entries(catalogue).map(([code, text]) => ({ prefix, code, text })));
  const { literal, templates } = codesInSource();

  it('every code thrown in src/ has an entry in its module catalogue', () => {
    const missing = [...literal].filter(([code]) => !all.some((e) => e.code === code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
    expect(literal.size).toBeGreaterThan(60);
  });

  it('every entry has a Dutch and an English text, and its code starts with its module', () => {
    const wrong = all.filter((e) => !e.code.startsWith(`${e.prefix}.`) || !e.text.nl?.trim() || !e.text.en?.trim() || e.text.nl === e.text.en);
    expect(wrong.map((e) => e.code)).toEqual([]);
  });

  it('no entry is left without a use', () => {
    const unused = all.filter((e) => !literal.has(e.code) && ![...templates].some((head) => e.code.startsWith(head))).map((e) => e.code);
    expect(unused).toEqual([]);
  });

  it('the edge fills in placeholders, per language where a value is written per language', () => {
    expect(textOf('sso.domain_taken', 'en', { domains: 'a.be, b.nl' })).toBe('This domain already belongs to another organisation: a.be, b.nl');
    const error = new AppError('validation_failed', {
      issues: [{ path: 'dates', code: 'round-invitations.reminder_date', params: { closesOn: { nl: '1 maart 2027', en: '1 March 2027' } } }],
    });
    expect(issuesOf(error.issues, 'nl')).toEqual([
      { path: 'dates', message: 'Kies herinneringsdagen vanaf vandaag tot en met de laatste dag van de ronde (1 maart 2027).' },
    ]);
  });

  it('an error without a code reads the general text of its id', () => {
    expect(messageOf(new AppError('conflict'), 'nl')).toBe('Dit botst met wat er al is. Vernieuw de pagina en probeer opnieuw.');
    expect(messageOf(new AppError('conflict', { code: 'trajecten.charter_outdated' }), 'en')).toBe(
      'Something has changed since this version. First make a new version, then sign that one.',
    );
  });
});
