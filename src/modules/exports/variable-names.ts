/**
 * Variable names every researcher's tool accepts (SPSS, PSPP, R, Stata-like tools): at most 64 bytes,
 * a letter first, then letters, digits and underscores, not ending in an underscore or full stop, not
 * one of SPSS's reserved words, unique without regard to case. Pure.
 */

/** SPSS's reserved words: they cannot be variable names. */
export const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

const MAX_BYTES = 64;

/** `wished` made acceptable on its own (before uniqueness). */
export function safeName(wished: string): string {
  let name = wished
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+/, '');
  if (!/^[A-Za-z]/.test(name)) name = `v_${name}`;
  name = name.slice(0, MAX_BYTES).replace(/_+$/, '');
  if (name === '' || name === 'v') name = 'v';
  if (RESERVED.has(name.toUpperCase())) name = `${name}_v`;
  return name;
}

/** Gives out unique names in the order asked: a taken name gets `_2`, `_3`, … (shortened to fit 64 bytes). */
export class VariableNamer {
  readonly #taken = new Set<string>();

  name(wished: string): string {
    const base = safeName(wished);
    let candidate = base;
    for (let i = 2; this.#taken.has(candidate.toUpperCase()); i++) {
      const suffix = `_${i}`;
      candidate = `${base.slice(0, MAX_BYTES - suffix.length).replace(/_+$/, '')}${suffix}`;
    }
    this.#taken.add(candidate.toUpperCase());
    return candidate;
  }
}
