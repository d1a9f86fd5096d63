import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/modules/accounts/password-policy.ts';

describe('password rules (NIST 800-63B)', () => {
  const me = { email: 'noor.peeters@example.org', displayName: 'Noor Peeters' };

  it('accepts long passphrases, whatever characters they use: no composition rules', () => {
    expect(passwordProblem('correct horse battery staple', me)).toBeUndefined();
    expect(passwordProblem('mijn fiets staat bij de bakker', me)).toBeUndefined();
    expect(passwordProblem('alleenkleineletters', me)).toBeUndefined();
    expect(passwordProblem('ÉÉN lange zin met accenten: één, twee', me)).toBeUndefined();
    expect(passwordProblem('x'.repeat(8) + 'abcdefghij'.repeat(24), me)).toBeUndefined(); // 248 characters
  });

  it('wants at least 12 characters and at most 256', () => {
    expect(passwordProblem('kort wacht', me)).toBe('too_short');
    expect(passwordProblem('elf tekens!', me)).toBe('too_short');
    expect(passwordProblem('twaalf teken', me)).toBeUndefined();
    // Characters as people count them: 12 emoji are 12 characters (24 UTF-16 units).
    expect(passwordProblem('🌷🌼🌻🌹🌺🍀🌵🌴🌲🌳🍁🍄', me)).toBeUndefined();
    expect(passwordProblem('🌷🌼🌻🌹🌺🍀🌵🌴🌲🌳🍁', me)).toBe('too_short');
    expect(passwordProblem('ab cd ef gh '.repeat(22), me)).toBe('too_long'); // 264
  });

  it('refuses passwords on the shipped list of common and breached passwords, also with digits or signs around them', () => {
    expect(passwordProblem('password1234', me)).toBe('common');
    expect(passwordProblem('qwertyuiop123', me)).toBe('common');
    expect(passwordProblem('1qaz2wsx3edc', me)).toBe('common');
    expect(passwordProblem('Wachtwoord2024!', me)).toBe('common');
    expect(passwordProblem('welkom01welkom01', me)).toBe('common');
    expect(passwordProblem('ILOVEYOU12345', me)).toBe('common');
  });

  it("refuses the person's own name, e-mail address and the service's name", () => {
    expect(passwordProblem('NoorPeeters2024', me)).toBe('personal');
    expect(passwordProblem('noor.peeters@example.org', me)).toBe('personal');
    expect(passwordProblem('noorpeeters!!!', me)).toBe('personal');
    expect(passwordProblem('Kruisbestuiving1', me)).toBe('personal');
  });

  it('refuses the same few characters over and over', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa', me)).toBe('repetitive');
    expect(passwordProblem('abababababababab', me)).toBe('repetitive');
    expect(passwordProblem('121212121212', me)).toBe('repetitive');
  });
});
