import os from 'node:os';
import { PostgresAdapter, sql } from 'kysely';
import { runInWorker } from '../../core/off-thread.ts';
import { type Db, sqliteFileOf } from '../../db/database.ts';
import {
  type AnswerRowCounts,
  type ChoiceSetCount,
  type CombinationCount,
  combinationsOf,
  countInSets,
  inChunks,
  mergeAnswerRowCounts,
  type Scope,
  type SqlCondition,
  type ValueCount,
} from './answer-counts.ts';
import * as answerRows from './answer-rows-store.ts';
import * as answersStore from './answers-store.ts';
import type { CountsWorkerJob } from './counts-worker.ts';
import { scopeTallyKeys } from './tally-hash-store.ts';
import { countsFromHashes } from './tally-hashes.ts';
import * as tallies from './tally-store.ts';

/**
 * The survey answers as the rounds module publishes them: the one way other modules (analysis,
 * exports, trajecten, retention) reach the `responses` and `answers` tables and the tallies; imports
 * and the demo load responses through bulk-load.ts. The SQL is in answers-store.ts and tally-store.ts.
 * Counts are of complete responses (drafts only in countResponsesByRound's `started`). A scope without
 * answer filters is counted from the per-round tallies, any other from its responses' tally hashes
 * (tally-hashes.ts) or, where those cannot say, the answer rows.
 */
export * from './answer-counts.ts';
export { MISSING_MARKER } from './missing-marker.ts';

/** Complete responses in scope. */
export const countResponses = (db: Db, scope: Scope): Promise<number> => answersStore.countResponses(db, scope);

/** Every answer in scope, counted per question, item, option and value. Text answers count as one group per question. */
export const valueCounts = (db: Db, scope: Scope): Promise<ValueCount[]> =>
  scope.answers.length === 0 ? tallies.valueCounts(db, scope) : answersStore.valueCountsFromAnswers(db, scope);

/** From this many responses in scope, answerRowCounts counts in parts at once (below, one pass costs tens of milliseconds). */
export const PARTS_FROM_RESPONSES = 2_000;

/** How many parts a scope of about this many responses is counted in: one per core, up to four. */
export const partsFor = (responses: number): number => (responses < PARTS_FROM_RESPONSES ? 1 : Math.max(1, Math.min(4, os.availableParallelism())));

/**
 * Everything a report counts from the answer rows of a scope (its responses, value counts, and for
 * the multiple-choice questions the answered counts and the sets chosen): from the responses' tally
 * hashes (countsFromTallyHashes), else from the answer rows themselves. With `parts` above one the
 * scope's responses are selected once and their rows counted in that many shares at once, added up:
 * on PostgreSQL each share on a connection of the pool (a backend process of its own); on SQLite the
 * selection and each share in a worker thread with its own read-only connection, so the shares use
 * every core and the request thread stays free. One part is counted here, statement by statement.
 */
export async function answerRowCounts(db: Db, scope: Scope, multipleChoice: string[], { parts }: { parts: number }): Promise<AnswerRowCounts> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const sqliteFile = postgres || parts <= 1 ? null : await sqliteFileOf(db);
  const fromHashes = await countsFromTallyHashes(db, scope, multipleChoice, sqliteFile);
  if (fromHashes) return fromHashes;
  if (parts <= 1) return answersStore.answerRowCountsFromAnswers(db, scope, multipleChoice);
  // A database in memory is this connection's alone: no worker can open it.
  if (!postgres && !sqliteFile) return answersStore.answerRowCountsFromAnswers(db, scope, multipleChoice);
  const selected = sqliteFile
    ? await runInWorker<string[]>({ task: 'counts', sqliteFile, select: scope } satisfies CountsWorkerJob)
    : await answersStore.responseIdsInScope(db, scope);
  const counted = inChunks(selected, parts).map((responseIds) =>
    sqliteFile
      ? runInWorker<AnswerRowCounts>({ task: 'counts', sqliteFile, responseIds, multipleChoice } satisfies CountsWorkerJob)
      : onePostgresBackend(db, (conn) => answersStore.answerRowCountsOfResponses(conn, responseIds, multipleChoice)),
  );
  return mergeAnswerRowCounts(await Promise.all(counted));
}

/**
 * The counts of a scope from its responses' tally hashes (tally-hashes.ts): on SQLite with a file
 * given, counted in a worker thread. Null when they cannot say (a response in scope without hashes, or
 * a hash that is not exactly one key of the scope's tallies); then the answer rows are counted. The
 * hashes are read before the keys: a response counted was complete before the read, so its keys were
 * in the tallies by then (added in the same transaction), and the tallies' keys are never taken away.
 */
export async function countsFromTallyHashes(db: Db, scope: Scope, multipleChoice: string[], sqliteFile: string | null): Promise<AnswerRowCounts | null> {
  const hashes = sqliteFile
    ? await runInWorker<answersStore.TallyHashCounts>({ task: 'counts', sqliteFile, tallyHashes: scope } satisfies CountsWorkerJob)
    : await answersStore.tallyHashCounts(db, scope);
  if (hashes.missing) return null;
  return countsFromHashes(hashes.n, hashes.counted, await scopeTallyKeys(db, scope), multipleChoice);
}

/**
 * Runs `count` on one connection of the pool with PostgreSQL's parallel query off: the parts are the
 * parallelism already, and with two parallel workers more per part each part's processes waited for
 * the others on few cores (one round of 100,000 responses, two parts on 2 vCPUs: 1.0 s without,
 * 1.2–1.3 s with).
 */
async function onePostgresBackend<T>(db: Db, count: (db: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return count(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return count(trx);
  });
}

/**
 * Respondents with at least one row for a multiple-choice question (several rows each). Marker rows
 * count: the respondent answered the question but left some options blank.
 */
export async function answeredCounts(db: Db, scope: Scope, multipleChoice: string[]): Promise<Map<string, number>> {
  if (multipleChoice.length === 0) return new Map();
  return scope.answers.length === 0 ? tallies.answeredCounts(db, scope, multipleChoice) : answersStore.answeredCountsFromAnswers(db, scope, multipleChoice);
}

/**
 * Complete responses in scope for which the condition held (the respondents a follow-up question was
 * shown to). On a choice question from its sets of chosen options (the tallies', or with answer
 * filters one grouping of the question's rows); on a matrix from the answer rows.
 */
export async function countWhere(db: Db, scope: Scope, condition: SqlCondition): Promise<number> {
  if (condition.shape === 'choice') return countInSets(await choiceSets(db, scope, condition.question), condition);
  return scope.answers.length === 0 && condition.shape === 'one-row'
    ? tallies.countAnswered(db, scope, condition)
    : answersStore.countWhereFromAnswers(db, scope, condition);
}

/** Respondents per set of options chosen on a question. */
export const choiceSets = (db: Db, scope: Scope, question: string): Promise<ChoiceSetCount[]> =>
  scope.answers.length === 0 ? tallies.choiceSets(db, scope, question) : answersStore.choiceSetsFromAnswers(db, scope, question);

export const combinationCounts = async (db: Db, scope: Scope, question: string): Promise<CombinationCount[]> =>
  combinationsOf(await choiceSets(db, scope, question));

/** Complete responses in scope per team (null: answered through the organisation's link). */
export const countsByTeam = (db: Db, scope: Scope) => answersStore.countsByTeam(db, scope);

/** Respondents in scope per option of one choice question, missing markers apart. */
export const optionCounts = (db: Db, scope: Scope, question: string) => answersStore.optionCounts(db, scope, question);

/** The complete responses in scope with their team, and their rows for the given questions (markers flagged). */
export const respondentsFor = (db: Db, scope: Scope, questions: string[]) => answersStore.respondentsFor(db, scope, questions);

/** Responses per round: complete ones, and all that were started (drafts included). */
export { countResponsesByRound } from './store.ts';

/** For exports: the complete responses as a subquery to join (id, round_id, team_id, language). */
export const completeResponses = (db: Db) => answerRows.completeResponses(db);

/** For exports: the answer rows of these responses. */
export const answersOfResponses = (db: Db, responseIds: string[]) => answerRows.answersOfResponses(db, responseIds);

/** For exports: the longest stored text in bytes per `question` and `question._other` of a round's complete responses. */
export const textWidths = (db: Db, roundId: string) => answerRows.textWidths(db, roundId);

/** For exports: complete responses per team of a round (the organisation-wide link's left out). */
export const completeByTeam = (db: Db, roundId: string) => answerRows.completeByTeam(db, roundId);

/** For retention: the ids of the responses of the organisation's rounds that closed before the day, as a subquery. */
export const responsesOfRoundsClosedBefore = (db: Db, organisationId: string, closedBefore: string) =>
  answerRows.responsesOfRoundsClosedBefore(db, organisationId, closedBefore);

/** For retention: deletes those responses with their answers (the round's tallies stay); returns how many. */
export const deleteResponsesOfRoundsClosedBefore = (db: Db, organisationId: string, closedBefore: string) =>
  answerRows.deleteResponsesOfRoundsClosedBefore(db, organisationId, closedBefore);
