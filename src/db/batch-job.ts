import type { Db } from './database.ts';
import { groupCommitterFor } from './group-commit.ts';

/** Stores many items in one go; returns one result per item, in their order. */
export type StoreMany<I, R> = (trx: Db, items: I[]) => Promise<R[]>;
type Waiting<I, R> = { item: I; resolve: (result: R) => void; reject: (error: unknown) => void };
/**
 * `oneStatement(items)`: storeMany writes these items in one statement (no transaction needed
 * around it). `oneAtATime`: the next batch starts only when the one before has
 * committed, and takes everything that arrived meanwhile (fewer, larger batches: for writes whose
 * batches would wait for each other's locks anyway, as submissions do on the round's tallies).
 */
export type BatchOptions<I> = { oneStatement?: (items: I[]) => boolean; oneAtATime?: boolean };

/**
 * Items handed in close together become ONE job of the group commit, stored by one call of
 * `storeMany` (a multi-row statement), instead of one job and one round trip each. On PostgreSQL
 * every statement is a round trip inside the transaction, so this is what lets a batch commit in a
 * few round trips. Each promise resolves only after the commit. When the shared job fails, each
 * item is tried again as a job of its own, so one bad write cannot take the others down.
 */
class BatchJob<I, R> {
  #waiting: Waiting<I, R>[] = [];
  #scheduled = false;
  #underWay = false;

  constructor(
    private readonly db: Db,
    private readonly storeMany: StoreMany<I, R>,
    private readonly options: BatchOptions<I>,
  ) {}

  add(item: I): Promise<R> {
    // Inside a caller's transaction (an import, the demo): its commit is the one that counts.
    if (this.db.isTransaction) return this.#storeOne(this.db, item);
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0 || (this.options.oneAtATime && this.#underWay)) return;
    this.#scheduled = true;
    let taken: Waiting<I, R>[] | undefined;
    const settled = () => {
      this.#underWay = false;
      this.#schedule();
    };
    // The job takes whatever has gathered by the time the group commit runs it. The group commit
    // may run the job again (a transient failure): it then stores the same items, not newer ones.
    const { oneStatement } = this.options;
    groupCommitterFor(this.db)
      .run(
        async (trx) => {
          if (!taken) {
            this.#scheduled = false;
            this.#underWay = true;
            taken = this.#waiting;
            this.#waiting = [];
          }
          const items = taken.map((w) => w.item);
          // Run alone on the database itself (see RunOptions): more than one statement gets its own transaction.
          if (trx.isTransaction || oneStatement?.(items)) return this.storeMany(trx, items);
          return trx.transaction().execute((own) => this.storeMany(own, items));
        },
        { atomic: oneStatement !== undefined },
      )
      .then(
        (results) => {
          for (const [i, w] of (taken ?? []).entries()) w.resolve(results[i] as R);
          settled();
        },
        () => {
          for (const w of taken ?? [])
            groupCommitterFor(this.db)
              .run((trx) => this.#storeOne(trx, w.item))
              .then(w.resolve, w.reject);
          settled();
        },
      );
  }

  async #storeOne(trx: Db, item: I): Promise<R> {
    return (await this.storeMany(trx, [item]))[0] as R;
  }
}

/**
 * A function that stores one item together with the others handed in at the same moment (one job
 * of the database's group commit); it resolves with the item's own result after the commit. With
 * `oneStatement`, a batch that is the commit's only job and one statement commits on its own.
 */
export function batchedJob<I, R>(storeMany: StoreMany<I, R>, options: BatchOptions<I> = {}): (db: Db, item: I) => Promise<R> {
  const batches = new WeakMap<Db, BatchJob<I, R>>();
  return (db, item) => {
    let batch = batches.get(db);
    if (!batch) {
      batch = new BatchJob(db, storeMany, options);
      batches.set(db, batch);
    }
    return batch.add(item);
  };
}
