import { expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { batchedJob } from '../../src/db/batch-job.ts';
import type { Db } from '../../src/db/database.ts';
import { groupCommitterFor } from '../../src/db/group-commit.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';

const settledWithin = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'not settled'>((resolve) => setTimeout(() => resolve('not settled'), ms))]);

describeEachDatabase('items batched into one job of the group commit', (dialect) => {
  it('a job the group commit runs again stores its own items, not ones handed in since; every caller hears back', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    await handle.db.insertInto('organisations').values({ id: 'org', name: 'O', sector: 'ggz', disclosure_threshold: 5, created_at: '' }).execute();
    const runs: string[][] = [];
    let handedInMeanwhile: Promise<string> | undefined;
    const store = batchedJob(async (trx: Db, ids: string[]) => {
      runs.push(ids);
      // While the first run of the job for "a" is under way, "b" is handed in.
      if (!handedInMeanwhile) handedInMeanwhile = store(handle.db, 'b');
      await trx
        .insertInto('teams')
        .values(ids.map((id) => ({ id, organisation_id: 'org', name: id, created_at: '' })))
        .execute();
      return ids.map((id) => `stored ${id}`);
    });

    const a = store(handle.db, 'a');
    // A write in the same transaction fails after the job for "a" ran: the transaction is rolled back,
    // and the group commit runs each of its jobs again on its own.
    const failing = groupCommitterFor(handle.db).run(async () => {
      throw new AppError('validation_failed');
    });

    await expect(failing).rejects.toThrow();
    expect(await settledWithin(a, 5000)).toBe('stored a');
    expect(await settledWithin(handedInMeanwhile ?? Promise.resolve('never handed in'), 5000)).toBe('stored b');
    // Never ['a', 'b']: the run again holds 'a' alone. (On PostgreSQL, where two shared transactions
    // may run at once, the job for 'b' may run before 'a' is run again.)
    expect([...runs].sort()).toEqual([['a'], ['a'], ['b']]);
    expect((await handle.db.selectFrom('teams').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['a', 'b']);
    await close();
  });
});

describeEachDatabase('a batch that commits on its own (oneStatement)', (dialect) => {
  it('writes a batch of more than one statement in a transaction of its own: a failing second statement leaves nothing of the first', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    await handle.db.insertInto('organisations').values({ id: 'org', name: 'O', sector: 'ggz', disclosure_threshold: 5, created_at: '' }).execute();
    await handle.db.insertInto('teams').values({ id: 'taken', organisation_id: 'org', name: 'taken', created_at: '' }).execute();
    const runs: string[][] = [];
    // One statement per item: a batch of two is not one statement, so it may not commit statement by statement.
    const store = batchedJob(
      async (trx: Db, ids: string[]) => {
        runs.push(ids);
        for (const id of ids) await trx.insertInto('teams').values({ id, organisation_id: 'org', name: id, created_at: '' }).execute();
        return ids.map((id) => `stored ${id}`);
      },
      { oneStatement: (ids) => ids.length === 1 },
    );

    const outcomes = await Promise.allSettled([store(handle.db, 'a'), store(handle.db, 'taken')]);

    // The batch failed on "taken" and was rolled back whole; each item is tried again on its own (the two
    // retries first share a transaction, which fails too, then run alone): "a" is then stored, not refused as already there.
    expect(runs).toEqual([['a', 'taken'], ['a'], ['taken'], ['a'], ['taken']]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'refused'))).toEqual(['stored a', 'refused']);
    expect((await handle.db.selectFrom('teams').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['a', 'taken']);
    await close();
  });
});

describeEachDatabase('batches one at a time (oneAtATime)', (dialect) => {
  it('starts no batch while one is under way; the next takes everything handed in meanwhile', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    const runs: string[][] = [];
    let release: (() => void) | undefined;
    const store = batchedJob(
      async (_trx: Db, ids: string[]) => {
        runs.push(ids);
        if (ids.includes('a')) await new Promise<void>((resolve) => (release = resolve));
        return ids.map((id) => `stored ${id}`);
      },
      { oneStatement: () => true, oneAtATime: true },
    );
    const a = store(handle.db, 'a');
    while (!release) await new Promise((resolve) => setTimeout(resolve, 5));
    // Handed in one by one while the batch of "a" is under way (PostgreSQL would run them beside it otherwise).
    const later: Promise<string>[] = [];
    for (const id of ['b', 'c', 'd']) {
      later.push(store(handle.db, id));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(runs).toEqual([['a']]);
    release();
    expect(await a).toBe('stored a');
    expect(await Promise.all(later)).toEqual(['stored b', 'stored c', 'stored d']);
    expect(runs).toEqual([['a'], ['b', 'c', 'd']]);
    await close();
  });
});
