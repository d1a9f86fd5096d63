import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db } from './database.ts';

type Job<T> = { work: (trx: Db) => Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void; atomic: boolean };

/**
 * `atomic`: the work is one statement, or opens its own transaction when it needs more (it checks
 * `isTransaction`). When it is the only job of a batch it runs on the database itself: a single
 * statement commits on its own, without a BEGIN and a COMMIT (on PostgreSQL two round trips less).
 */
export type RunOptions = { atomic?: boolean };

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
 * Meanwhile requests are read and checked, and gather into the next batch, which commits as the
 * flush ends: one commit per flush. (Committing each event-loop turn's few jobs during the flush
 * wrote the same pages, the tallies' and the indexes' last ones, to the log again for every small
 * commit: more CPU per submission and no fewer flushes.)
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

/**
 * Commits of lone atomic jobs (see RunOptions) a PostgreSQL committer runs at the same time: while
 * one waits for its flush, the next batch of answers is written (PostgreSQL flushes commits that
 * wait together at once). SQLite has one writer and a synchronous driver: one commit at a time.
 */
const POSTGRES_COMMITS_AT_ONCE = 4;
/**
 * Shared transactions a PostgreSQL committer runs at the same time: while one waits for its commit's
 * flush (and holds the tally rows it added to), the next batch is already inserting its rows.
 */
const POSTGRES_TRANSACTIONS_AT_ONCE = 2;

/** One group committer per database, shared by every writer that may be batched (respondents, meeting answers). */
export function groupCommitterFor(db: Db): GroupCommitter {
  const existing = committers.get(db);
  if (existing) return existing;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const committer = new GroupCommitter(db, {
    atOnce: postgres ? POSTGRES_COMMITS_AT_ONCE : 1,
    transactionsAtOnce: postgres ? POSTGRES_TRANSACTIONS_AT_ONCE : 1,
    walSync: walSyncs.get(db),
  });
  committers.set(db, committer);
  return committer;
}

/**
 * `maxBatch`: jobs in one transaction. `atOnce`: commits under way at the same time; above 1, a lone
 * atomic job runs beside the others, while jobs that share a transaction still go one batch at a time.
 * `walSync` (SQLite): the log's flush after a commit without one (see syncWalAfterCommit).
 */
export type CommitterOptions = { maxBatch?: number; atOnce?: number; transactionsAtOnce?: number; walSync?: WalSync | undefined };

export class GroupCommitter {
  #queue: Job<unknown>[] = [];
  #scheduled = false;
  #underWay = 0;
  #transactionsUnderWay = 0;
  /** SQLite: flushes of committed batches not yet finished; the next batch waits for them. */
  #flushing = 0;
  private readonly maxBatch: number;
  private readonly atOnce: number;
  private readonly transactionsAtOnce: number;
  private readonly walSync: WalSync | undefined;

  constructor(
    private readonly db: Db,
    { maxBatch = 200, atOnce = 1, transactionsAtOnce = 1, walSync }: CommitterOptions = {},
  ) {
    this.maxBatch = maxBatch;
    this.atOnce = atOnce;
    this.transactionsAtOnce = Math.min(transactionsAtOnce, atOnce);
    this.walSync = walSync;
  }

  run<T>(work: (trx: Db) => Promise<T>, { atomic = false }: RunOptions = {}): Promise<T> {
    // Already inside a transaction (the demo loader, an import): its commit is the one that counts.
    if (this.db.isTransaction) return work(this.db);
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve, reject, atomic } as Job<unknown>);
      this.#schedule();
    });
  }

  /**
   * Starts the next batch when a commit may start. While one batch commits (on SQLite: until its log
   * is flushed), the next one gathers in the queue. SQLite's driver is synchronous and blocks the event loop while it writes, so yield
   * once before each batch: requests that arrived meanwhile are read and join this batch instead of
   * waiting for their own fsync.
   */
  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0 || this.#underWay >= this.atOnce || this.#flushing > 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      const batch = this.#take();
      if (!batch) return;
      const shared = !(batch.length === 1 && batch[0]?.atomic);
      this.#underWay += 1;
      if (shared) this.#transactionsUnderWay += 1;
      void this.#commit(batch).finally(() => {
        this.#underWay -= 1;
        if (shared) this.#transactionsUnderWay -= 1;
        this.#schedule();
      });
      this.#schedule();
    });
  }

  /** The next batch: one commit at a time takes every waiting job; with more at once, a lone atomic job first. */
  #take(): Job<unknown>[] | undefined {
    if (this.atOnce === 1) return this.#queue.splice(0, this.maxBatch);
    const atomic = this.#queue.findIndex((job) => job.atomic);
    if (atomic >= 0) return this.#queue.splice(atomic, 1);
    return this.#transactionsUnderWay >= this.transactionsAtOnce ? undefined : this.#queue.splice(0, this.maxBatch);
  }

  async #commit(batch: Job<unknown>[], attempt = 1): Promise<void> {
    const results: unknown[] = [];
    // With a log flush of its own (SQLite) even a lone statement goes through #transaction.
    const alone = !this.walSync && batch.length === 1 && batch[0]?.atomic ? batch[0] : undefined;
    try {
      if (alone) results.push(await alone.work(this.db));
      else
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
    // gathers meanwhile and commits when this flush has ended (see #schedule).
    this.#flushing += 1;
    this.walSync()
      .then(acknowledge, (error: unknown) => {
        for (const job of batch) job.reject(error);
      })
      .finally(() => {
        this.#flushing -= 1;
        this.#schedule();
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
