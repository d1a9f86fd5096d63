import type { Limiter } from './limiter.ts';

type Result = { current: number; ttl: number };
type Callback = (err: Error | null, result?: Result) => void;

/**
 * A store for @fastify/rate-limit that counts in the database through the Limiter, so a route's
 * limit holds across app processes. The key already names the route (see http/security.ts).
 */
export function sharedRateLimitStore(limiter: Limiter) {
  return class SharedRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      limiter.hit(`route:${key}`, timeWindow).then(
        (c) => callback(null, { current: c.count, ttl: Math.max(0, c.resetAt - limiter.now()) }),
        (err: Error) => callback(err),
      );
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      limiter.read(`route:${key}`, timeWindow).then(
        (c) => callback(null, { current: c.count, ttl: Math.max(0, c.resetAt - limiter.now()) }),
        (err: Error) => callback(err),
      );
    }

    /** A route with `rateLimit: { perProcess: true }` counts in this process's memory instead. */
    child(params?: unknown): this | PerProcessRateLimitStore {
      const perProcess = (params as { perProcess?: unknown } | undefined)?.perProcess === true;
      return perProcess ? new PerProcessRateLimitStore(() => limiter.now()) : this;
    }
  };
}

/**
 * Counts in memory, per process: for busy anonymous pages (a meeting's phones) where a database
 * write per request costs more than the limit is worth. With several processes each allows the
 * maximum, so never for a limit that must hold across processes (guessing codes: limiter.guarded).
 * Keys are the route and the keyed hash of the address (http/security.ts); at most MAX_KEYS are kept.
 */
const MAX_KEYS = 50_000;

export class PerProcessRateLimitStore {
  private readonly counts = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number) {}

  private counter(key: string, timeWindow: number, add: number) {
    const now = this.now();
    let entry = this.counts.get(key);
    if (!entry || entry.resetAt <= now) {
      if (!entry && this.counts.size >= MAX_KEYS) this.prune(now);
      entry = { count: 0, resetAt: now + timeWindow };
      this.counts.set(key, entry);
    }
    entry.count += add;
    return { current: entry.count, ttl: Math.max(0, entry.resetAt - now) };
  }

  private prune(now: number) {
    for (const [key, entry] of this.counts) if (entry.resetAt <= now) this.counts.delete(key);
    if (this.counts.size >= MAX_KEYS) this.counts.clear();
  }

  incr(key: string, callback: Callback, timeWindow: number): void {
    callback(null, this.counter(key, timeWindow, 1));
  }

  read(key: string, callback: Callback, timeWindow: number): void {
    callback(null, this.counter(key, timeWindow, 0));
  }

  child(): this {
    return this;
  }
}
