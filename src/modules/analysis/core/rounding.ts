import type { RoundingRule } from './types.ts';

export const DEFAULT_DECIMALS = 1;
/** Test statistics and effect sizes. */
export const STATISTIC_DECIMALS = 2;
export const P_DECIMALS = 3;

/** Moves the decimal point by `places` in the number's shortest decimal text, so no binary error creeps in. */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new RangeError(`decimals must be a whole number from 0 to 15, got ${decimals}`);
}

/**
 * Rounds half up, which here means half away from zero: 48.85 → 48.9, 2.45 → 2.5, −2.45 → −2.5.
 * Works on the number's shortest decimal text (what String(x) prints), not on its binary value,
 * so 1.005 rounds to 1.01 even though the double nearest to 1.005 lies just below it.
 */
export function roundHalfUp(x: number, decimals: number): number {
  checkDecimals(decimals);
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${x}`);
  const rounded = shiftDecimal(Math.round(shiftDecimal(Math.abs(x), decimals)), -decimals);
  // Math.round(0.4) is 0 and −0 must not reach a table as "-0".
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Like roundHalfUp, but passes null through. */
export function roundOrNull(x: number | null, decimals: number): number | null {
  return x === null ? null : roundHalfUp(x, decimals);
}

/** The rule as data plus a sentence for under a table. */
export function roundingRule(decimals: number): RoundingRule {
  checkDecimals(decimals);
  const nl = decimals === 0 ? 'Afgerond op een geheel getal' : decimals === 1 ? 'Afgerond op 1 decimaal' : `Afgerond op ${decimals} decimalen`;
  const en = decimals === 0 ? 'Rounded to a whole number' : decimals === 1 ? 'Rounded to 1 decimal' : `Rounded to ${decimals} decimals`;
  return { rule: 'half_up', decimals, text: { nl: `${nl}; een 5 wordt naar boven afgerond.`, en: `${en}; a 5 is rounded up.` } };
}

/** count / n as a percentage; multiplies first so whole-number inputs stay exact as long as possible. */
export function percentOf(count: number, n: number): number {
  return (count * 100) / n;
}
