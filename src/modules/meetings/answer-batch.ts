import { batchedJob } from '../../db/batch-job.ts';
import { type Db, type SqliteStatements, sqliteStatementsOf } from '../../db/database.ts';
import type { MeetingAnswerTable } from '../../db/tables/meetings.ts';
import * as store from './store.ts';

export type AnswerOutcome = 'saved' | 'changed' | 'unchanged';

/** Rows per statement: well under the bound parameters SQLite and PostgreSQL take in one statement. */
const ROWS_PER_STATEMENT = 1000;
const keyOf = (row: MeetingAnswerTable) => `${row.prompt_id}\n${row.participant_id}`;
/** A row's outcome from the id the upsert returned for it (none: a retry with the same client id, not written). */
const outcomeOf = (row: MeetingAnswerTable, written: string | undefined): AnswerOutcome =>
  written === undefined ? 'unchanged' : written === row.id ? 'saved' : 'changed';

/** Writes the rows (each key at most once) in as few statements as fit; the outcome of each, in order. */
async function upsertOutcomes(trx: Db, rows: MeetingAnswerTable[]): Promise<AnswerOutcome[]> {
  const written = new Map<string, string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    for (const w of await store.upsertAnswers(trx, rows.slice(i, i + ROWS_PER_STATEMENT))) written.set(`${w.prompt_id}\n${w.participant_id}`, w.id);
  return rows.map((row) => outcomeOf(row, written.get(keyOf(row))));
}

/**
 * Answers handed in together, in one multi-row statement. Two answers of one participant to one
 * prompt cannot share it (PostgreSQL updates a row once per statement): the first goes in it, the
 * later ones are written after it, in the order they came, so the last one sent is the one kept.
 * (Exported for its test.)
 */
export async function storeAnswers(trx: Db, rows: MeetingAnswerTable[]): Promise<AnswerOutcome[]> {
  const seen = new Set<string>();
  const first: number[] = [];
  const later: number[] = [];
  for (const [i, row] of rows.entries()) {
    const key = keyOf(row);
    (seen.has(key) ? later : first).push(i);
    seen.add(key);
  }
  const outcomes: AnswerOutcome[] = new Array(rows.length);
  const firstOutcomes = await upsertOutcomes(
    trx,
    first.map((i) => rows[i] as MeetingAnswerTable),
  );
  for (const [j, i] of first.entries()) outcomes[i] = firstOutcomes[j] as AnswerOutcome;
  for (const i of later) outcomes[i] = (await upsertOutcomes(trx, [rows[i] as MeetingAnswerTable]))[0] as AnswerOutcome;
  return outcomes;
}

/** Whether storeAnswers writes these rows in one statement: each (prompt, participant) once, within one statement's rows. */
export const answersInOneStatement = (rows: MeetingAnswerTable[]) => rows.length <= ROWS_PER_STATEMENT && new Set(rows.map(keyOf)).size === rows.length;

/**
 * SQLite: a batch's rows one after the other through one prepared statement, in the order they came
 * (so of two answers of one participant to one prompt the later one is kept), inside the batch's
 * transaction; more than one row is more than one statement, so only a lone row commits on its own.
 */
const onSqlite = new WeakMap<SqliteStatements, (db: Db, row: MeetingAnswerTable) => Promise<AnswerOutcome>>();
function sqliteBatch(statements: SqliteStatements) {
  let job = onSqlite.get(statements);
  if (!job) {
    job = batchedJob(
      async (_trx: Db, rows: MeetingAnswerTable[]) =>
        store.upsertAnswersOnSqlite(statements, rows).map((id, i) => outcomeOf(rows[i] as MeetingAnswerTable, id)),
      {
        oneStatement: (rows) => rows.length === 1,
      },
    );
    onSqlite.set(statements, job);
  }
  return job;
}

const onKysely = batchedJob(storeAnswers, { oneStatement: answersInOneStatement });

/**
 * Stores an answer with the others handed in at the same moment; resolves with its outcome after the
 * commit. A batch that is one statement commits on its own (no BEGIN and COMMIT round trips).
 */
export function answerInBatch(db: Db, row: MeetingAnswerTable): Promise<AnswerOutcome> {
  const statements = sqliteStatementsOf(db);
  return statements ? sqliteBatch(statements)(db, row) : onKysely(db, row);
}
