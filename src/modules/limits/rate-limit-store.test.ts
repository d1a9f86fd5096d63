import { describe, expect, it } from 'vitest';
import { PerProcessRateLimitStore } from './rate-limit-store.ts';

type Result = { current: number; ttl: number };

function count(store: PerProcessRateLimitStore, method: 'incr' | 'read', key: string, windowMs: number): Result {
  let out: Result | undefined;
  store[method](
    key,
    (_err, result) => {
      out = result;
    },
    windowMs,
  );
  if (!out) throw new Error('no result');
  return out;
}

describe('the per-process rate-limit store', () => {
  it('counts per key within the window, reads without counting, and starts again after the window', () => {
    let now = 1_000_000;
    const store = new PerProcessRateLimitStore(() => now);
    expect(count(store, 'incr', 'a', 60_000)).toEqual({ current: 1, ttl: 60_000 });
    now += 10_000;
    expect(count(store, 'incr', 'a', 60_000)).toEqual({ current: 2, ttl: 50_000 });
    expect(count(store, 'read', 'a', 60_000)).toEqual({ current: 2, ttl: 50_000 });
    expect(count(store, 'incr', 'b', 60_000)).toEqual({ current: 1, ttl: 60_000 });
    now += 50_000;
    expect(count(store, 'incr', 'a', 60_000)).toEqual({ current: 1, ttl: 60_000 });
  });
});
