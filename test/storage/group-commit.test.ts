import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { openDatabase } from '../../src/db/database.ts';
import { GroupCommitter } from '../../src/db/group-commit.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';

describeEachDatabase('group commit', (dialect) => {
  it('commits many concurrent writes in few transactions, each acknowledged after its commit', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    const committer = new GroupCommitter(handle.db, { maxBatch: 50 });
    const ids = Array.from({ length: 120 }, (_, i) => `team-${i}`);
    await handle.db.insertInto('organisations').values({ id: 'org', name: 'O', sector: 'ggz', disclosure_threshold: 5, created_at: '' }).execute();
    const acknowledged = await Promise.all(
      ids.map((id) =>
        committer.run(async (trx) => {
          await trx.insertInto('teams').values({ id, organisation_id: 'org', name: id, created_at: '' }).execute();
          return id;
        }),
      ),
    );
    expect(acknowledged).toEqual(ids);
    const stored = await handle.db.selectFrom('teams').select('id').execute();
    expect(stored).toHaveLength(120);
    await close();
  });

  it('a failing write is refused alone; the others in its batch are kept', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    const committer = new GroupCommitter(handle.db);
    await handle.db.insertInto('organisations').values({ id: 'org', name: 'O', sector: 'ggz', disclosure_threshold: 5, created_at: '' }).execute();
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'bad', 'c'].map((id) =>
        committer.run(async (trx) => {
          if (id === 'bad') throw new AppError('validation_failed');
          await trx.insertInto('teams').values({ id, organisation_id: 'org', name: id, created_at: '' }).execute();
          return id;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await handle.db.selectFrom('teams').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    await close();
  });

  // A write whose work succeeds but whose COMMIT fails: a deferred foreign key is checked only at commit.
  // If the committer acknowledged a job when its work finished (before the commit), these would resolve.
  it('acknowledges nothing whose commit failed, even when its work itself succeeded', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    await sql`create table ack_parent (id varchar(20) primary key)`.execute(handle.db);
    await sql`create table ack_child (id varchar(20) primary key, parent_id varchar(20) not null references ack_parent (id) deferrable initially deferred)`.execute(
      handle.db,
    );
    await sql`insert into ack_parent (id) values ('p')`.execute(handle.db);
    const committer = new GroupCommitter(handle.db);
    const write = (id: string, parent: string) =>
      committer.run(async (trx) => {
        await sql`insert into ack_child (id, parent_id) values (${id}, ${parent})`.execute(trx);
        return id;
      });

    // Alone: the only job in its transaction.
    await expect(write('orphan', 'missing')).rejects.toThrow();
    // In a shared batch: the batch's commit fails, the good writes are retried alone and kept.
    const outcomes = await Promise.allSettled([write('a', 'p'), write('orphan2', 'missing'), write('b', 'p')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await sql<{ id: string }>`select id from ack_child order by id`.execute(handle.db);
    expect(stored.rows.map((r) => r.id)).toEqual(['a', 'b']);
    await close();
  });
});

// Two app processes on one PostgreSQL database each group-commit their own batches; two batches that
// add to the same tally rows in another order deadlock, and PostgreSQL rolls one back (40P01). That
// batch is run again instead of answering its respondents with an error.
describe.runIf(inject('postgresUrl'))('group commit across processes [postgres]', () => {
  it('a batch rolled back by a deadlock with another process is run again and acknowledged', async () => {
    const { handle, testDb, close } = await openTestDatabase('postgres');
    const other = openDatabase(testDb.database);
    await sql`create table crossed (id int primary key, n int not null)`.execute(handle.db);
    await sql`insert into crossed (id, n) values (1, 0), (2, 0)`.execute(handle.db);
    let firstLocked = () => {};
    let secondLocked = () => {};
    const firstHolds = new Promise<void>((resolve) => {
      firstLocked = resolve;
    });
    const secondHolds = new Promise<void>((resolve) => {
      secondLocked = resolve;
    });
    // Each takes one row, waits until the other has taken the other row, then wants that one too.
    const crossing = (committer: GroupCommitter, mine: number, theirs: number, locked: () => void, theyHold: Promise<void>) =>
      committer.run(async (trx) => {
        await sql`update crossed set n = n + 1 where id = ${mine}`.execute(trx);
        locked();
        await theyHold;
        await sql`update crossed set n = n + 1 where id = ${theirs}`.execute(trx);
        return mine;
      });
    const outcomes = await Promise.allSettled([
      crossing(new GroupCommitter(handle.db), 1, 2, firstLocked, secondHolds),
      crossing(new GroupCommitter(other.db), 2, 1, secondLocked, firstHolds),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'fulfilled', value: 2 },
    ]);
    const rows = await sql<{ id: number; n: number }>`select id, n from crossed order by id`.execute(handle.db);
    expect(rows.rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
    await other.close();
    await close();
  }, 60_000);
});

// On PostgreSQL a lone atomic job (one statement: a batch of meeting answers) commits beside the
// others, so one commit's flush does not hold up the next batch; shared transactions stay one at a time.
describe.runIf(inject('postgresUrl'))('group commit with commits at once [postgres]', () => {
  it('runs lone atomic jobs at the same time, each acknowledged after its own commit; a failing commit refuses only its job', async () => {
    const { handle, close } = await openTestDatabase('postgres');
    await sql`create table ack_parent (id varchar(20) primary key)`.execute(handle.db);
    await sql`create table ack_child (id varchar(20) primary key, parent_id varchar(20) not null references ack_parent (id) deferrable initially deferred)`.execute(
      handle.db,
    );
    await sql`insert into ack_parent (id) values ('p')`.execute(handle.db);
    const committer = new GroupCommitter(handle.db, { atOnce: 4 });
    let running = 0;
    let most = 0;
    // One statement each, taking 300 ms in the database; the orphan's commit fails (its deferred key is checked at commit).
    const write = (id: string, parent: string) =>
      committer.run(
        async (db) => {
          running += 1;
          most = Math.max(most, running);
          try {
            await sql`insert into ack_child (id, parent_id) select ${id}, ${parent} from pg_sleep(0.3)`.execute(db);
          } finally {
            running -= 1;
          }
          return id;
        },
        { atomic: true },
      );

    const outcomes = await Promise.allSettled([write('a', 'p'), write('orphan', 'missing'), write('b', 'p'), write('c', 'p')]);

    expect(most).toBe(4);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'refused'))).toEqual(['a', 'refused', 'b', 'c']);
    const stored = await sql<{ id: string }>`select id from ack_child order by id`.execute(handle.db);
    expect(stored.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    await close();
  }, 60_000);

  it('keeps jobs that share a transaction one batch at a time beside lone atomic ones', async () => {
    const { handle, close } = await openTestDatabase('postgres');
    const committer = new GroupCommitter(handle.db, { atOnce: 4 });
    let transactions = 0;
    let most = 0;
    const shared = () =>
      committer.run(async (trx) => {
        transactions += 1;
        most = Math.max(most, transactions);
        await sql`select pg_sleep(0.1)`.execute(trx);
        transactions -= 1;
        return 'shared';
      });
    const atomic = () => committer.run(async (db) => (await sql<{ n: number }>`select 1 as n from pg_sleep(0.1)`.execute(db)).rows[0]?.n, { atomic: true });

    const first = [shared(), atomic(), shared()];
    // Handed in while the first transaction runs: they wait for it, the atomic one does not.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outcomes = await Promise.all([...first, shared(), atomic(), shared()]);

    expect(outcomes).toEqual(['shared', 1, 'shared', 'shared', 1, 'shared']);
    expect(most).toBe(1);
    await close();
  }, 60_000);

  it('runs as many shared transactions at once as it is given, and no more', async () => {
    const { handle, close } = await openTestDatabase('postgres');
    const committer = new GroupCommitter(handle.db, { atOnce: 4, transactionsAtOnce: 2 });
    let transactions = 0;
    let most = 0;
    const shared = (i: number) =>
      committer.run(async (trx) => {
        transactions += 1;
        most = Math.max(most, transactions);
        await sql`select pg_sleep(0.2)`.execute(trx);
        transactions -= 1;
        return i;
      });
    // Each handed in after the one before has started: each is a batch of its own.
    const outcomes: Promise<number>[] = [];
    for (const i of [1, 2, 3, 4]) {
      outcomes.push(shared(i));
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(await Promise.all(outcomes)).toEqual([1, 2, 3, 4]);
    expect(most).toBe(2);
    await close();
  }, 60_000);
});
