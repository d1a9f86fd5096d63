import { randomInt } from 'node:crypto';

/**
 * Join codes: six characters a person can read off a projector and type on an old phone. Letters
 * and digits that look alike (0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V) are left out.
 */
export const JOIN_ALPHABET = 'ACEFGHJKMNPRTWXY34679';
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_ALPHABET[random(JOIN_ALPHABET.length)];
  return code;
}

/** What a person typed, as a code: case and spaces or dashes do not matter. Undefined when it cannot be one. */
export function normaliseJoinCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return undefined;
  for (const ch of code) if (!JOIN_ALPHABET.includes(ch)) return undefined;
  return code;
}

/** Receipt codes (to withdraw later): eight characters of the same alphabet, shown as two groups of four. */
export function newReceiptCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += JOIN_ALPHABET[random(JOIN_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function normaliseReceiptCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== 8 || [...code].some((ch) => !JOIN_ALPHABET.includes(ch))) return undefined;
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
