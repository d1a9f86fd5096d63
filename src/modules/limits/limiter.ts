import { createHmac, randomBytes } from 'node:crypto';
import type { ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { CounterHit, CounterStore } from './counters.ts';
import * as store from './store.ts';

/** How many guesses of a secret code (resume code, join code, invitation) a window allows. */
export type GuessLimits = { perScope: number; global: number; windowMinutes: number };

/** Anything guessed: a respondent's resume code, a live meeting's join code, an invitation token. */
export type GuessKind = 'resume-code' | 'join-code' | 'invitation' | (string & {});

const rateLimited = () => new AppError('rate_limited');

/**
 * Limits that hold across every app process: counters live in the database (SQLite or PostgreSQL)
 * or in Redis (REDIS_URL), never in one process's memory. Keys never hold an address: see clientKey.
 */
export class Limiter {
  private secret: { day: string; value: Promise<string> } | undefined;

  constructor(
    private readonly ctx: Pick<ServiceContext, 'db' | 'clock'>,
    readonly guesses: GuessLimits,
    private readonly counters: CounterStore,
  ) {}

  now(): number {
    return this.ctx.clock.now().getTime();
  }

  /** One more request under `key` in the current window of `windowMs`; returns the count so far. */
  hit(key: string, windowMs: number): Promise<store.Count> {
    return this.counters.hit(key, windowMs, this.now());
  }

  hitMany(hits: CounterHit[]): Promise<store.Count[]> {
    return this.counters.hitMany(hits, this.now());
  }

  read(key: string, windowMs: number): Promise<store.Count> {
    return this.counters.read(key, windowMs, this.now());
  }

  /**
   * A client's address as a limiter key: an HMAC under a secret that changes every UTC day and is
   * deleted the day after. Counters live minutes; once the secret is gone, no stored key can be
   * traced back to an address, not even by trying all of them.
   */
  async clientKey(address: string): Promise<string> {
    const day = new Date(this.now()).toISOString().slice(0, 10);
    if (this.secret?.day !== day) {
      const value = store.secretOfDay(this.ctx.db, day, randomBytes(32).toString('base64url'));
      // A failed read is tried again by the next request, not remembered for the day.
      value.catch(() => {
        if (this.secret?.value === value) this.secret = undefined;
      });
      this.secret = { day, value };
    }
    const secret = await this.secret.value;
    return createHmac('sha256', secret).update(address).digest('base64url').slice(0, 22);
  }

  /**
   * Guards one guess of a secret code. Refuses (429) when the kind's failed guesses reached the
   * global limit, or the scope's (a round, a meeting) its own; else runs `attempt` and counts it
   * when it found nothing. Counting failures only keeps a busy round or meeting open to people who
   * have the right code. Usable by any module: `limiter.guarded('join-code', undefined, find)`.
   */
  async guarded<T>(kind: GuessKind, scope: string | undefined, attempt: () => Promise<T | undefined>): Promise<T | undefined> {
    const windowMs = this.guesses.windowMinutes * 60_000;
    const globalKey = `guess:${kind}`;
    const scopeKey = scope === undefined ? undefined : `guess:${kind}:${scope}`;
    if ((await this.read(globalKey, windowMs)).count >= this.guesses.global) throw rateLimited();
    if (scopeKey && (await this.read(scopeKey, windowMs)).count >= this.guesses.perScope) throw rateLimited();
    const found = await attempt();
    if (found === undefined) {
      await this.hit(globalKey, windowMs);
      if (scopeKey) await this.hit(scopeKey, windowMs);
    }
    return found;
  }
}
