import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './model.ts';

/**
 * NIST SP 800-63B (5.1.1.2) for a password someone chooses: long enough, long passphrases welcome,
 * no composition rules (no "one capital, one digit"), and refused when it is on a list of common and
 * breached passwords, repetitive, or made of the person's own name, e-mail or the service's name.
 * The list ships with the app (common-passwords.txt, source and licence beside it): no network call.
 */
export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'personal' | 'repetitive';

export type PasswordContext = { email?: string | undefined; displayName?: string | undefined };

const SERVICE_WORDS = ['kruisbestuiving', 'kruisbestuivingen'];

let common: Set<string> | undefined;
/** Read once, on first use (about 50,000 lines). */
const commonPasswords = (): Set<string> => {
  common ??= new Set(
    readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common;
};

/** Only the letters, lower case, without accents: "Wachtwoord 2024!" and "wachtwoord" are one word. */
const lettersOf = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}]/gu, '');

export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | undefined {
  // Counted in characters as people see them (code points), not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  if (new Set(password).size < 5) return 'repetitive';
  const list = commonPasswords();
  const lower = password.toLowerCase();
  // A common word with digits or signs around it ("wachtwoord2024!") is as guessable as the word.
  const letters = lettersOf(password);
  // …and so is a common password said twice ("welkom01welkom01").
  const repeated = /^(.+?)\1+$/su.exec(lower)?.[1];
  const known = (word: string | undefined) => word !== undefined && (list.has(word) || list.has(word.replace(/\s+/g, '')));
  if (known(lower) || known(repeated) || (letters.length >= 4 && list.has(letters))) return 'common';
  const emailName = context.email?.split('@')[0] ?? '';
  const own = [...SERVICE_WORDS, lettersOf(emailName), lettersOf(context.displayName ?? '')].filter((word) => word.length >= 3);
  if (own.includes(letters) || (context.email && lower.includes(context.email.toLowerCase()))) return 'personal';
  return undefined;
}

/** Refuses (400, naming `field`) a password the rules above refuse. */
export function assertAcceptablePassword(password: string, context: PasswordContext, field = 'password'): void {
  const problem = passwordProblem(password, context);
  if (!problem) return;
  const code = `accounts.password_${problem}` as const;
  throw new AppError('validation_failed', { code, issues: [{ path: field, code }] });
}
