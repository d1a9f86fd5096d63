import { expect, it } from 'vitest';
import { databaseCounters } from '../../src/modules/limits/counters.ts';
import { Limiter } from '../../src/modules/limits/limiter.ts';
import { BatchedCounts } from '../../src/modules/limits/rate-limit-store.ts';
import { createTestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { midMinute } from '../helpers/rate-windows.ts';

/** Limits count in midMinute windows: a midMinute instant keeps a window from ending halfway through a test. */
const guesses = { perScope: 5, global: 8, windowMinutes: 10 };

/**
 * The respondent form's route limit counts in memory and adds its counts to the shared store once a
 * second (BatchedCounts): a process refuses as soon as its own count passes the limit, and the
 * counts reach the database, where every other process reads them with its next flush.
 */
describeEachDatabase('route limits of the respondent form, counted in batches', (dialect) => {
  it('the fourth page of three allowed is refused, and all four reach the shared store when the app stops', async () => {
    const t = await createTestApp(dialect, { rateLimits: { loginPerMinute: 1000, invitePerMinute: 1000, respondentPerMinute: 3 } }, midMinute);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.app.inject({ method: 'GET', url: `/r/${'a'.repeat(43)}` })).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
    await t.app.close();
    const rows = await t.ctx.db.selectFrom('rate_limit_counters').select(['key', 'hits']).where('key', 'like', 'route:/r/:token|%').execute();
    expect(rows.map((r) => Number(r.hits))).toEqual([4]);
    await t.close();
  });

  it('two processes on one database: each learns the other’s counts with its own next flush', async () => {
    const t = await createTestApp(dialect, {}, midMinute);
    const processA = new BatchedCounts(new Limiter({ db: t.ctx.db, clock: midMinute }, guesses, databaseCounters(t.ctx.db)));
    const processB = new BatchedCounts(new Limiter({ db: t.ctx.db, clock: midMinute }, guesses, databaseCounters(t.ctx.db)));
    for (let i = 0; i < 3; i++) processA.add('/r/:token|client', 60_000, 1);
    await processA.flush();
    expect(processB.add('/r/:token|client', 60_000, 1).current).toBe(1);
    await processB.flush();
    expect(processB.add('/r/:token|client', 60_000, 0).current).toBe(4);
    expect(processA.add('/r/:token|client', 60_000, 1).current).toBe(4);
    await processA.stop();
    await processB.stop();
    const row = await t.ctx.db.selectFrom('rate_limit_counters').select('hits').where('key', '=', 'route:/r/:token|client').executeTakeFirstOrThrow();
    expect(Number(row.hits)).toBe(5);
    await t.close();
  });
});
