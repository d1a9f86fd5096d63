import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { Limiter } from './limiter.ts';
import * as store from './store.ts';

/** Wrong passwords an account may have before it waits; the wait then doubles from one second. */
const FREE_FAILURES = 5;
/**
 * The longest wait. Whoever knows an e-mail address can keep an account waiting, so the wait stays
 * short enough not to lock its owner out: at most this many seconds, while a guesser gets at most
 * two tries a minute.
 */
const MAX_WAIT_SECONDS = 30;
/** Failures older than this are forgotten. */
export const MEMORY_MS = 15 * 60_000;

export const waitSeconds = (failures: number): number => (failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS));

/** Per account, not per address: rotating addresses (or proxies) give a guesser nothing. */
export class SignInThrottle {
  constructor(
    private readonly db: Db,
    private readonly limiter: Limiter,
  ) {}

  private key = (email: string) => this.limiter.clientKey(`sign-in:${email.trim().toLowerCase()}`);

  /** Refuses (429) while the account waits after too many wrong passwords. */
  async check(email: string): Promise<void> {
    const row = await store.throttleOf(this.db, await this.key(email));
    if (row && row.blockedUntil > this.limiter.now()) throw new AppError('rate_limited');
  }

  async failed(email: string): Promise<void> {
    const key = await this.key(email);
    const now = this.limiter.now();
    const failures = await store.addFailure(this.db, key, now, now - MEMORY_MS);
    const wait = waitSeconds(failures);
    if (wait > 0) await store.setBlockedUntil(this.db, key, now + wait * 1000);
  }

  async succeeded(email: string): Promise<void> {
    await store.clearThrottle(this.db, await this.key(email));
  }
}
