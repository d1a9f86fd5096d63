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

    child(): this {
      return this;
    }
  };
}
