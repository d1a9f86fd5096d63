import type { Limiter } from './limiter.ts';

type Result = { current: number; ttl: number };
type Callback = (err: Error | null, result?: Result) => void;

/**
 * A store for @fastify/rate-limit that counts in the database through the Limiter, so a route's
 * limit holds across app processes. The key already names the route (see http/security.ts).
 */
export function sharedRateLimitStore(limiter: Limiter, batch?: BatchedCounts) {
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

    /**
     * A route with `rateLimit: { perProcess: true }` counts in this process's memory instead; one
     * with `rateLimit: { batched: true }` counts in the shared store, written once a second (BatchedCounts).
     */
    child(params?: unknown): this | PerProcessRateLimitStore | BatchedRateLimitStore {
      const options = params as { perProcess?: unknown; batched?: unknown } | undefined;
      if (options?.perProcess === true) return new PerProcessRateLimitStore(() => limiter.now());
      if (options?.batched === true && batch) return new BatchedRateLimitStore(batch);
      return this;
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

/**
 * Route counters for busy anonymous pages (the respondent form: 19 requests per response) that still
 * hold across processes: each request adds to a count in this process's memory, and once a second
 * the counts gathered are added to the shared store (database or Redis) in one go, which answers each
 * key's total over every process. A request is judged by that total plus what this process added
 * since: exact within one process, and across processes late by at most the flush interval. One
 * write a second replaces one write (and on SQLite one disk flush) per request.
 */
export class BatchedCounts {
  private readonly counts = new Map<string, { windowMs: number; resetAt: number; shared: number; pending: number }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly limiter: Limiter,
    private readonly intervalMs = 1000,
  ) {}

  add(key: string, windowMs: number, by: number): Result {
    const now = this.limiter.now();
    const resetAt = Math.floor(now / windowMs) * windowMs + windowMs;
    const id = `${windowMs}|${key}`;
    let entry = this.counts.get(id);
    if (!entry || entry.resetAt !== resetAt) {
      entry = { windowMs, resetAt, shared: 0, pending: 0 };
      this.counts.set(id, entry);
    }
    entry.pending += by;
    if (by > 0 && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
    return { current: entry.shared + entry.pending, ttl: Math.max(0, resetAt - now) };
  }

  /** Adds the pending counts to the shared store; past windows are forgotten. */
  flush(): Promise<void> {
    this.timer = undefined;
    if (this.flushing) return this.flushing.then(() => this.flush());
    const now = this.limiter.now();
    const due: { key: string; windowMs: number; by: number; entry: { shared: number; pending: number } }[] = [];
    for (const [id, entry] of this.counts) {
      if (entry.resetAt <= now) this.counts.delete(id);
      else if (entry.pending > 0) {
        due.push({ key: id.slice(id.indexOf('|') + 1), windowMs: entry.windowMs, by: entry.pending, entry });
        entry.pending = 0;
      }
    }
    if (due.length === 0) return Promise.resolve();
    this.flushing = this.limiter
      .hitMany(due.map(({ key, windowMs, by }) => ({ key: `route:${key}`, windowMs, by })))
      .then(
        (totals) => {
          for (const [i, d] of due.entries()) d.entry.shared = totals[i]?.count ?? d.entry.shared + d.by;
        },
        () => {
          // The store could not be reached: the counts are tried again with the next flush.
          for (const d of due) d.entry.pending += d.by;
        },
      )
      .finally(() => {
        this.flushing = undefined;
      });
    return this.flushing;
  }

  stop(): Promise<void> {
    clearTimeout(this.timer);
    return this.flush();
  }
}

export class BatchedRateLimitStore {
  constructor(private readonly counts: BatchedCounts) {}

  incr(key: string, callback: Callback, timeWindow: number): void {
    callback(null, this.counts.add(key, timeWindow, 1));
  }

  read(key: string, callback: Callback, timeWindow: number): void {
    callback(null, this.counts.add(key, timeWindow, 0));
  }

  child(): this {
    return this;
  }
}
