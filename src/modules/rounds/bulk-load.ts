import type { Db } from '../../db/database.ts';
import type { ResponseTable, RoundLinkTable, RoundTable } from '../../db/tables/rounds.ts';
import * as answerRows from './answer-rows-store.ts';
import * as store from './store.ts';

/**
 * Rounds and complete responses loaded as data, outside the respondent flow: an import of earlier
 * answers, the demo organisation. No policy and no audit here (the caller does both); the caller
 * calls rebuildTallies for the rounds afterwards, in the same transaction.
 */
export type { AnswerTable, ResponseTable } from '../../db/tables/rounds.ts';
export { ANSWER_BATCH, RESPONSE_BATCH } from './answer-rows-store.ts';
export { insertAnswers } from './store.ts';
export { rebuildTallies } from './tally-store.ts';

/** A round with its links, as given. */
export async function insertRoundWithLinks(db: Db, round: RoundTable, links: RoundLinkTable[]): Promise<void> {
  await store.insertRound(db, round);
  await store.insertLinks(db, links);
}

/** Inserts complete responses in statements of 50 rows. */
export const insertResponses = (db: Db, responses: ResponseTable[]) => answerRows.insertResponses(db, responses);

/** Inserts responses in full batches of RESPONSE_BATCH, the statement text made once. */
export const responseBatches = () => new answerRows.BatchInsert('responses', answerRows.RESPONSE_BATCH);

/** Inserts answer rows in full batches of ANSWER_BATCH, the statement text made once. */
export const answerBatches = () => new answerRows.BatchInsert('answers', answerRows.ANSWER_BATCH);
