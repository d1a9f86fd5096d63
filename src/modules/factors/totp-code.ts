import { lazyRequire } from '../../core/lazy-require.ts';

const otpauth = lazyRequire<typeof import('otpauth')>('otpauth');

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 seconds. */
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed just as it changed. */
const WINDOW = 1;

export const newTotpSecret = (): string => new (otpauth().Secret)({ size: 20 }).base32;

const totpOf = (secret: string, label = '') => {
  const { Secret, TOTP } = otpauth();
  return new TOTP({ issuer: 'Kruisbestuiving', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
};

/** The otpauth:// address an authenticator app reads from the QR code. */
export const totpUri = (secret: string, accountLabel: string): string => totpOf(secret, accountLabel).toString();

export const normaliseCode = (code: string): string => code.replace(/[\s-]/g, '');

/**
 * The time step of the code when it is right at `now` (within one step either side), else
 * undefined. The caller refuses a step it accepted before: a code is good once.
 */
export function matchingStep(secret: string, code: string, now: Date): number | undefined {
  const token = normaliseCode(code);
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The code of a moment (for tests and nothing else: the server never shows a code). */
export const codeAt = (secret: string, at: Date): string => totpOf(secret).generate({ timestamp: at.getTime() });
