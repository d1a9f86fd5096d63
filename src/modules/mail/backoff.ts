/** First retry after one minute, then doubling, at most six hours apart; after this many attempts a mail is given up. */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 60 * 60_000;
export const MAX_ATTEMPTS = 10;

/** How long to wait before the next attempt, after `attempts` failed ones (1, 2, …). */
export function retryDelayMs(attempts: number, firstRetryMs = FIRST_RETRY_MS): number {
  return Math.min(firstRetryMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/**
 * A code that says what went wrong without what the server said (its message may quote the
 * address): the SMTP reply code when there is one, otherwise nodemailer's error code.
 */
export function errorCode(error: unknown): string {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof e.responseCode === 'number') return String(e.responseCode);
  if (typeof e.code === 'string' && /^[A-Z_]{1,40}$/.test(e.code)) return e.code;
  return 'UNKNOWN';
}

/**
 * The server's final no about this recipient (no such mailbox, address refused): trying again would
 * not help. Other failures (a busy server, a lost connection, a wrong password) may pass, so retry.
 */
export const isPermanent = (code: string): boolean => ['501', '550', '551', '553'].includes(code);
