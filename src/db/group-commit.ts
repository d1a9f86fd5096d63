import { PostgresAdapter } from 'kysely';
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
 * once for many of them (synchronous=FULL on SQLite, fsync on PostgreSQL). Each caller's promise
 * resolves only after the transaction holding its write has committed: nothing is acknowledged
 * that is not on disk. If a shared transaction fails, its jobs are retried one by one, so one bad
 * write cannot take the others down with it.
 */
const committers = new WeakMap<Db, GroupCommitter>();

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back and may be run again. */
const TRANSIENT_CODES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 6;
const isTransient = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && TRANSIENT_CODES.has(String((error as { code: unknown }).code));

/**
 * Commits of lone atomic jobs (see RunOptions) a PostgreSQL committer runs at the same time: while
 * one waits for its flush, the next batch of answers is written (PostgreSQL flushes commits that
 * wait together at once). SQLite has one writer and a synchronous driver: one commit at a time.
 */
const POSTGRES_COMMITS_AT_ONCE = 4;

/** One group committer per database, shared by every writer that may be batched (respondents, meeting answers). */
export function groupCommitterFor(db: Db): GroupCommitter {
  const existing = committers.get(db);
  if (existing) return existing;
  const committer = new GroupCommitter(db, { atOnce: db.getExecutor().adapter instanceof PostgresAdapter ? POSTGRES_COMMITS_AT_ONCE : 1 });
  committers.set(db, committer);
  return committer;
}

/**
 * `maxBatch`: jobs in one transaction. `atOnce`: commits under way at the same time; above 1, a lone
 * atomic job runs beside the others, while jobs that share a transaction still go one batch at a time.
 */
export type CommitterOptions = { maxBatch?: number; atOnce?: number };

export class GroupCommitter {
  #queue: Job<unknown>[] = [];
  #scheduled = false;
  #underWay = 0;
  #transactionUnderWay = false;
  private readonly maxBatch: number;
  private readonly atOnce: number;

  constructor(
    private readonly db: Db,
    { maxBatch = 200, atOnce = 1 }: CommitterOptions = {},
  ) {
    this.maxBatch = maxBatch;
    this.atOnce = atOnce;
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
   * Starts the next batch when a commit may start. While one batch commits, the next one gathers in
   * the queue. SQLite's driver is synchronous and blocks the event loop while it writes, so yield
   * once before each batch: requests that arrived meanwhile are read and join this batch instead of
   * waiting for their own fsync.
   */
  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0 || this.#underWay >= this.atOnce) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      const batch = this.#take();
      if (!batch) return;
      const shared = !(batch.length === 1 && batch[0]?.atomic);
      this.#underWay += 1;
      if (shared) this.#transactionUnderWay = true;
      void this.#commit(batch).finally(() => {
        this.#underWay -= 1;
        if (shared) this.#transactionUnderWay = false;
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
    return this.#transactionUnderWay ? undefined : this.#queue.splice(0, this.maxBatch);
  }

  async #commit(batch: Job<unknown>[], attempt = 1): Promise<void> {
    const results: unknown[] = [];
    const alone = batch.length === 1 && batch[0]?.atomic ? batch[0] : undefined;
    try {
      if (alone) results.push(await alone.work(this.db));
      else
        await this.db.transaction().execute(async (trx) => {
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
    for (const [i, job] of batch.entries()) job.resolve(results[i]);
  }
}
