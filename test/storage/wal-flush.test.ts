import fs from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { coalescedFlush, GroupCommitter, groupCommitterFor } from '../../src/db/group-commit.ts';
import { openTestDatabase } from '../helpers/databases.ts';

/**
 * SQLite: a group-committed batch is written with synchronous=NORMAL and its callers hear back only
 * after the write-ahead log is flushed off the event loop (db/group-commit.ts). Every other write
 * keeps synchronous=FULL (its own flush at commit).
 */
const synchronousOf = async (db: Db) => (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0]?.synchronous;

const team = (id: string) => ({ id, organisation_id: 'org', name: id, created_at: '' });

describe('group commit on SQLite: acknowledged after the log is flushed [sqlite]', () => {
  it('acknowledges a batch only once its flush has finished, and nothing whose flush failed', async () => {
    const { handle, close } = await openTestDatabase('sqlite');
    await handle.db.insertInto('organisations').values({ id: 'org', name: 'O', sector: 'ggz', disclosure_threshold: 5, created_at: '' }).execute();
    let release: (() => void) | undefined;
    let flushes = 0;
    const committer = new GroupCommitter(handle.db, {
      maxBatch: 50,
      walSync: () => {
        flushes += 1;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    const heard: string[] = [];
    const done = Promise.all(['a', 'b'].map((id) => committer.run((trx) => trx.insertInto('teams').values(team(id)).execute()).then(() => heard.push(id))));
    // Committed (another connection state would show it), but not yet flushed: nobody has heard back.
    while (flushes === 0 && heard.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toEqual([]);
    release?.();
    await done;
    expect(heard.sort()).toEqual(['a', 'b']);

    const failing = new GroupCommitter(handle.db, { maxBatch: 50, walSync: () => Promise.reject(new Error('disk full')) });
    await expect(failing.run((trx) => trx.insertInto('teams').values(team('c')).execute())).rejects.toThrow('disk full');
    await close();
  });

  it('gathers what arrives during a flush into one batch, committed once that flush has ended', async () => {
    const { handle, close } = await openTestDatabase('sqlite');
    await handle.db.insertInto('organisations').values({ id: 'org', name: 'O', sector: 'ggz', disclosure_threshold: 5, created_at: '' }).execute();
    const releases: (() => void)[] = [];
    const committer = new GroupCommitter(handle.db, {
      maxBatch: 50,
      walSync: () => new Promise<void>((resolve) => releases.push(resolve)),
    });
    const transactions: Db[] = [];
    const write = (id: string) =>
      committer.run(async (trx) => {
        transactions.push(trx);
        await trx.insertInto('teams').values(team(id)).execute();
      });
    const first = write('a');
    while (releases.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // Handed in one by one while the first batch's flush is under way: none of them is written yet.
    const later: Promise<void>[] = [];
    for (const id of ['b', 'c', 'd']) {
      later.push(write(id));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(transactions.length).toBe(1);
    releases[0]?.();
    await first;
    while (releases.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    // One transaction for the three, and one flush for it.
    expect(transactions.length).toBe(4);
    expect(new Set(transactions.slice(1)).size).toBe(1);
    releases[1]?.();
    await Promise.all(later);
    expect(releases.length).toBe(2);
    await close();
  });

  it("flushes the database's own write-ahead log (fdatasync) before the writer hears back", async () => {
    const { handle, close } = await openTestDatabase('sqlite');
    const flushed: string[] = [];
    const original = fs.fdatasync;
    // Which file each fdatasync was given, read while its descriptor is still open.
    const spy = vi.spyOn(fs, 'fdatasync').mockImplementation((fd, callback) => {
      flushed.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
      original(fd, callback);
    });
    try {
      const heard = groupCommitterFor(handle.db).run(async (trx) => {
        await trx.insertInto('organisations').values({ id: 'org', name: 'O', sector: 'ggz', disclosure_threshold: 5, created_at: '' }).execute();
        return flushed.length;
      });
      expect(await heard).toBe(0);
      const file = (await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(handle.db)).rows[0]?.file;
      expect(flushed).toEqual([`${fs.realpathSync(file ?? '')}-wal`]);
    } finally {
      spy.mockRestore();
      await close();
    }
  });

  it('writes a batch with synchronous=NORMAL and sets FULL back for every other write', async () => {
    const { handle, close } = await openTestDatabase('sqlite');
    // database.ts registers the log's flush for a SQLite file, so its group committer takes this path.
    const inside = await groupCommitterFor(handle.db).run((trx) => synchronousOf(trx));
    expect(inside).toBe(1);
    expect(await synchronousOf(handle.db)).toBe(2);
    // A batch whose work fails sets FULL back too.
    await expect(
      groupCommitterFor(handle.db).run(async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await synchronousOf(handle.db)).toBe(2);
    await close();
  });
});

describe('flushes asked for together', () => {
  it('share the next flush, which starts only after they asked; at most one runs and one waits', async () => {
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const flush = coalescedFlush(
      () =>
        new Promise<void>((resolve) => {
          started.push(started.length + 1);
          finish.push(resolve);
        }),
    );
    const heard: string[] = [];
    const first = flush().then(() => heard.push('first'));
    // Asked while the first flush runs: their commits may have been written after it started.
    const second = flush().then(() => heard.push('second'));
    const third = flush().then(() => heard.push('third'));
    expect(started).toEqual([1]);
    finish[0]?.();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).toEqual(['first']);
    expect(started).toEqual([1, 2]);
    finish[1]?.();
    await Promise.all([second, third]);
    expect(heard).toEqual(['first', 'second', 'third']);
    expect(started).toEqual([1, 2]);
  });
});
