import type { Db } from '../../db/database.ts';
import { groupCommitterFor } from '../../db/group-commit.ts';
import type { AnswerTable, ResponseTable } from '../../db/tables/rounds.ts';
import * as store from './store.ts';
import { addResponsesToTallies } from './tally-store.ts';

/** One whole response handed in at once: its row and its answer rows. */
export type Submission = { response: ResponseTable; answers: AnswerTable[] };
type Waiting = Submission & { resolve: () => void; reject: (error: unknown) => void };

/**
 * Whole responses handed in close together are stored as one job of the group commit: one
 * multi-row insert of the responses (an id that exists already stores nothing), one of all their
 * answer rows, and one addition to the tallies for all of them, instead of five statements each.
 * On PostgreSQL every statement is a round trip inside the transaction, so this is what lets a
 * batch commit in a few round trips. Each promise resolves only after the commit. When the shared
 * job fails, each submission is tried again as a job of its own, so one bad write cannot take the
 * others down.
 */
class SubmissionBatch {
  #waiting: Waiting[] = [];
  #scheduled = false;

  constructor(private readonly db: Db) {}

  add(submission: Submission): Promise<void> {
    // Inside a caller's transaction (an import, the demo): its commit is the one that counts.
    if (this.db.isTransaction) return storeSubmissions(this.db, [submission]);
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ ...submission, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      let taken: Waiting[] = [];
      // The job takes whatever has gathered by the time the group commit runs it.
      groupCommitterFor(this.db)
        .run(async (trx) => {
          this.#scheduled = false;
          taken = this.#waiting;
          this.#waiting = [];
          await storeSubmissions(trx, taken);
        })
        .then(
          () => {
            for (const s of taken) s.resolve();
          },
          () => {
            for (const s of taken)
              groupCommitterFor(this.db)
                .run((trx) => storeSubmissions(trx, [s]))
                .then(s.resolve, s.reject);
          },
        );
    });
  }
}

async function storeSubmissions(trx: Db, submissions: Submission[]): Promise<void> {
  // The first of two submissions with one id counts (a retry sent while the first was in flight).
  const byId = new Map<string, Submission>();
  for (const s of submissions) if (!byId.has(s.response.id)) byId.set(s.response.id, s);
  const unique = [...byId.values()];
  const created = new Set(
    await store.insertResponsesIfNew(
      trx,
      unique.map((s) => s.response),
    ),
  );
  if (created.size === 0) return;
  await store.insertAnswers(
    trx,
    unique.filter((s) => created.has(s.response.id)).flatMap((s) => s.answers),
  );
  await addResponsesToTallies(trx, [...created]);
}

const batches = new WeakMap<Db, SubmissionBatch>();

/** Stores a whole response with the others handed in at the same moment; resolves after the commit. */
export function submitInBatch(db: Db, submission: Submission): Promise<void> {
  let batch = batches.get(db);
  if (!batch) {
    batch = new SubmissionBatch(db);
    batches.set(db, batch);
  }
  return batch.add(submission);
}
