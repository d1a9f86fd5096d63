import type { Db } from '../../db/database.ts';
import { RedisClient } from './redis-client.ts';
import * as store from './store.ts';

/** Where counters live: fixed windows, one counter per key and window. */
export interface CounterStore {
  hit(key: string, windowMs: number, now: number): Promise<store.Count>;
  read(key: string, windowMs: number, now: number): Promise<store.Count>;
  /** Several counts added at once (one transaction in the database); the new totals in the same order. */
  hitMany(hits: CounterHit[], now: number): Promise<store.Count[]>;
  close(): void;
}

export type CounterHit = { key: string; windowMs: number; by: number };

export const databaseCounters = (db: Db): CounterStore => ({
  hit: (key, windowMs, now) => store.hit(db, key, windowMs, now),
  read: (key, windowMs, now) => store.read(db, key, windowMs, now),
  hitMany: (hits, now) =>
    db.transaction().execute(async (trx) => {
      const totals: store.Count[] = [];
      for (const h of hits) totals.push(await store.hit(trx, h.key, h.windowMs, now, h.by));
      return totals;
    }),
  close: () => {},
});

/** Counters in Redis (REDIS_URL): each window's key expires by itself at the end of its window. */
export function redisCounters(url: string, prefix: string): CounterStore {
  const client = new RedisClient(new URL(url));
  const keyOf = (key: string, start: number) => `${prefix}${key}:${start}`;
  const windowOf = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs;
  const hit = async (key: string, windowMs: number, now: number, by = 1) => {
    const start = windowOf(now, windowMs);
    const [count] = await Promise.all([
      client.command('INCRBY', keyOf(key, start), by),
      client.command('PEXPIRE', keyOf(key, start), Math.max(1, start + windowMs - now)),
    ]);
    return { count: Number(count), resetAt: start + windowMs };
  };
  return {
    hit,
    hitMany: (hits, now) => Promise.all(hits.map((h) => hit(h.key, h.windowMs, now, h.by))),
    async read(key, windowMs, now) {
      const start = windowOf(now, windowMs);
      return { count: Number((await client.command('GET', keyOf(key, start))) ?? 0), resetAt: start + windowMs };
    },
    close: () => client.close(),
  };
}
