import { batchedJob } from '../../db/batch-job.ts';
import type { Db } from '../../db/database.ts';
import type { AnswerTable, ResponseTable } from '../../db/tables/rounds.ts';
import * as store from './store.ts';
import { addCompletedToTallies, tallyRowsOf } from './tally-batch.ts';
import { hashesOfTallyRows } from './tally-hashes.ts';

/** One whole response handed in at once: its row and its answer rows. */
export type Submission = { response: ResponseTable; answers: AnswerTable[] };

/**
 * Whole responses handed in close together are stored as one job of the group commit (batch-job.ts):
 * one multi-row insert of the responses with their tally hashes (an id that exists already stores nothing), one of all their
 * answer rows, and one addition to the tallies for all of them (counted from the rows in hand,
 * tally-batch.ts), instead of five statements each. One batch at a time: the next starts when the one
 * before has committed and takes everything that arrived meanwhile. On PostgreSQL two batches at once
 * mostly waited for each other's tally rows (both add to the round's), and smaller batches cost more
 * tally upserts per response; one at a time, batches grow (docs/performance.md).
 */
async function storeSubmissions(trx: Db, submissions: Submission[]): Promise<undefined[]> {
  // The first of two submissions with one id counts (a retry sent while the first was in flight).
  const byId = new Map<string, Submission>();
  for (const s of submissions) if (!byId.has(s.response.id)) byId.set(s.response.id, s);
  // Each response's tally keys, made once for its hashes and for the tallies.
  const unique = [...byId.values()].map((s) => ({ ...s, tally: tallyRowsOf(s.answers) }));
  const created = new Set(
    await store.insertResponsesIfNew(
      trx,
      unique.map((s) => ({ ...s.response, tally_hashes: hashesOfTallyRows(s.tally) })),
    ),
  );
  if (created.size === 0) return [];
  const stored = unique.filter((s) => created.has(s.response.id));
  await store.insertAnswers(
    trx,
    stored.flatMap((s) => s.answers),
  );
  // From the rows in hand: each response is new and complete, with every answer row it will have.
  await addCompletedToTallies(
    trx,
    stored.map((s) => ({ roundId: s.response.round_id, teamId: s.response.team_id, tally: s.tally })),
  );
  return [];
}

/** Stores a whole response with the others handed in at the same moment; resolves after the commit. */
export const submitInBatch: (db: Db, submission: Submission) => Promise<undefined> = batchedJob(storeSubmissions, {
  oneAtATime: true,
});
