import { CompiledQuery } from 'kysely';
import type { Db } from './database.ts';

type Job<T> = { work: (trx: Db) => Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void };

/**
 * Group commit: writes that arrive close together share one transaction, so the disk is flushed
 * once for many of them (fsync on PostgreSQL; on SQLite the write-ahead log's flush, see
 * syncWalAfterCommit). Each caller's promise resolves only after the transaction holding its write
 * has committed and is on disk: nothing is acknowledged that is not. If a shared transaction fails,
 * its jobs are retried one by one, so one bad write cannot take the others down with it.
 *
 * On SQLite the driver is synchronous: a commit that flushes (synchronous=FULL) stops the event
 * loop until the disk answers (5-30 ms on a busy virtual disk, most of a live meeting's answer
 * round trip at 10,000 phones). So a batch commits without the flush and the log is flushed off
 * the event loop afterwards (libuv's thread pool); its callers hear back only after that flush.
 * Meanwhile the next batch is read and written: one writer, flushes overlapping the next batch.
 */
const committers = new WeakMap<Db, GroupCommitter>();
const NORMAL = CompiledQuery.raw('pragma synchronous = normal');
const FULL = CompiledQuery.raw('pragma synchronous = full');

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back and may be run again. */
const TRANSIENT_CODES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 6;
const isTransient = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && TRANSIENT_CODES.has(String((error as { code: unknown }).code));

/**
 * SQLite: flushes the write-ahead log to disk (fdatasync, as SQLite's own synchronous=FULL commit
 * does), off the event loop. Registered by database.ts for each SQLite database it opens.
 */
export type WalSync = () => Promise<void>;
const walSyncs = new WeakMap<Db, WalSync>();

/**
 * Flushes asked for while one is under way share the next one: a flush covers every commit written
 * before it started, not one written while it runs. So at most one flush runs and one waits, and
 * every caller's flush started after its call (fewer disk flushes when batches commit quickly).
 */
export function coalescedFlush(flush: WalSync): WalSync {
  let running: Promise<void> | undefined;
  let waiting: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const current = flush().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  return () => {
    if (!running) return start();
    waiting ??= running
      .catch(() => {})
      .then(() => {
        waiting = undefined;
        return start();
      });
    return waiting;
  };
}

export function syncWalAfterCommit(db: Db, sync: WalSync): void {
  walSyncs.set(db, sync);
  committers.delete(db);
}

/** One group committer per database, shared by every writer that may be batched (respondents, meeting answers). */
export function groupCommitterFor(db: Db): GroupCommitter {
  const existing = committers.get(db);
  if (existing) return existing;
  const committer = new GroupCommitter(db, 200, walSyncs.get(db));
  committers.set(db, committer);
  return committer;
}

export class GroupCommitter {
  #queue: Job<unknown>[] = [];
  #running = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 200,
    private readonly walSync?: WalSync,
  ) {}

  run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    // Already inside a transaction (the demo loader, an import): its commit is the one that counts.
    if (this.db.isTransaction) return work(this.db);
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve, reject } as Job<unknown>);
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      // While one batch commits, the next one gathers in the queue. SQLite's driver is synchronous
      // and blocks the event loop while it writes, so yield once before each batch: requests that
      // arrived meanwhile are read and join this batch instead of waiting for their own fsync.
      while (this.#queue.length > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.#queue.splice(0, this.maxBatch);
        await this.#commit(batch);
      }
    } finally {
      this.#running = false;
    }
  }

  async #commit(batch: Job<unknown>[], attempt = 1): Promise<void> {
    const results: unknown[] = [];
    try {
      await this.#transaction(async (trx) => {
        for (const job of batch) results.push(await job.work(trx));
      });
    } catch (error) {
      // Another process's transaction crossed this one (both adding to the same round's tallies, in
      // another order): PostgreSQL rolled this one back whole, so running it again is safe.
      if (isTransient(error) && attempt < MAX_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        return this.#commit(batch, attempt + 1);
      }
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const job of batch) await this.#commit([job]);
      return;
    }
    const acknowledge = () => {
      for (const [i, job] of batch.entries()) job.resolve(results[i]);
    };
    if (!this.walSync) return acknowledge();
    // Committed, not yet flushed: the callers hear back once the log is on disk. The next batch
    // may commit meanwhile; a later flush covers this batch's log too (it was written before).
    this.walSync().then(acknowledge, (error: unknown) => {
      for (const job of batch) job.reject(error);
    });
  }

  /**
   * SQLite with a registered flush: the batch commits with synchronous=NORMAL (the log is written,
   * not flushed: the event loop is not blocked by the disk) on the one connection, held for the
   * whole exchange so no other statement runs in between; synchronous=FULL is set back before the
   * connection is released, so every other write still flushes at its own commit.
   */
  async #transaction(work: (trx: Db) => Promise<void>): Promise<void> {
    if (!this.walSync) return this.db.transaction().execute(work);
    await this.db.connection().execute(async (connection) => {
      await connection.executeQuery(NORMAL);
      try {
        await connection.transaction().execute(work);
      } finally {
        await connection.executeQuery(FULL);
      }
    });
  }
}
