import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export type Count = { count: number; resetAt: number };

const windowOf = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs;

/** Adds `by` (one) to the key's counter of the current fixed window, atomically; returns the new count. */
export async function hit(db: Db, key: string, windowMs: number, now: number, by = 1): Promise<Count> {
  const start = windowOf(now, windowMs);
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ key, window_start: start, hits: by, expires_at: start + windowMs })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_counters.hits + ${by}` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return { count: Number(row.hits), resetAt: start + windowMs };
}

export async function read(db: Db, key: string, windowMs: number, now: number): Promise<Count> {
  const start = windowOf(now, windowMs);
  const row = await db.selectFrom('rate_limit_counters').select('hits').where('key', '=', key).where('window_start', '=', start).executeTakeFirst();
  return { count: Number(row?.hits ?? 0), resetAt: start + windowMs };
}

/** Today's secret, made by the first process that needs it; secrets of earlier days are deleted. */
export async function secretOfDay(db: Db, day: string, fresh: string): Promise<string> {
  await db
    .insertInto('limiter_secrets')
    .values({ day, secret: fresh })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  await db.deleteFrom('limiter_secrets').where('day', '<', day).execute();
  const row = await db.selectFrom('limiter_secrets').select('secret').where('day', '=', day).executeTakeFirstOrThrow();
  return row.secret;
}

export async function throttleOf(db: Db, key: string) {
  const row = await db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  return row && { failures: row.failures, lastFailure: Number(row.last_failure), blockedUntil: Number(row.blocked_until) };
}

/** One more failure (counting from zero again when the last one is older than `since`); returns the count. */
export async function addFailure(db: Db, key: string, now: number, since: number): Promise<number> {
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, last_failure: now, blocked_until: 0 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when sign_in_throttle.last_failure < ${since} then 1 else sign_in_throttle.failures + 1 end`,
        last_failure: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export const setBlockedUntil = (db: Db, key: string, until: number) =>
  db.updateTable('sign_in_throttle').set({ blocked_until: until }).where('key', '=', key).execute();

/** Removes counters of past windows and sign-in failures nobody remembers any more. */
export async function sweep(db: Db, now: number, forgetFailuresBefore: number): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('expires_at', '<', now).execute();
  await db.deleteFrom('sign_in_throttle').where('last_failure', '<', forgetFailuresBefore).where('blocked_until', '<', now).execute();
}

export const clearThrottle = (db: Db, key: string) => db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
