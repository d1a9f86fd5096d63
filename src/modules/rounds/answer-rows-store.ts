import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import { arrayRowTexts, type Db } from '../../db/database.ts';
import type { AnswerTable, ResponseTable } from '../../db/tables/rounds.ts';
import { MISSING_MARKER } from './missing-marker.ts';

/**
 * The survey answers read or written whole rather than counted: the rows of an export, the retention
 * job's deletes and bulk loads (imports, the demo). Other modules reach these through answers.ts and
 * bulk-load.ts, never here; the counts are in answers-store.ts.
 */

/*
 * The rows of an export.
 */

/** The complete responses (all rounds), as a subquery another module's query may join (the export's order). */
export const completeResponses = (db: Db) =>
  db
    .selectFrom('responses')
    .select(['responses.id', 'responses.round_id', 'responses.team_id', 'responses.language'])
    .where('responses.status', '=', 'complete');

const ANSWER_ROW = 'select response_id, question, item, option, number_value, text_value from answers where response_id';
/** One text per dialect for any number of ids: an array on PostgreSQL, a JSON array on SQLite. */
const ANSWERS_OF_RESPONSES_PG = `${ANSWER_ROW} = any($1::text[])`;
const ANSWERS_OF_RESPONSES_SQLITE = `${ANSWER_ROW} in (select value from json_each(?))`;
arrayRowTexts.add(ANSWERS_OF_RESPONSES_PG);
arrayRowTexts.add(ANSWERS_OF_RESPONSES_SQLITE);
type AnswerRowTuple = [string, string, string | null, string | null, number | null, string | null];

/**
 * The answer rows of these responses. An export reads millions of them, page by page: the rows come
 * as arrays (arrayRowTexts), which costs the driver less than an object per row.
 */
export async function answersOfResponses(db: Db, responseIds: string[]): Promise<AnswerTable[]> {
  if (responseIds.length === 0) return [];
  const query =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? CompiledQuery.raw(ANSWERS_OF_RESPONSES_PG, [responseIds])
      : CompiledQuery.raw(ANSWERS_OF_RESPONSES_SQLITE, [JSON.stringify(responseIds)]);
  const { rows } = await db.executeQuery<AnswerRowTuple>(query);
  return rows.map(([response_id, question, item, option, number_value, text_value]) => ({ response_id, question, item, option, number_value, text_value }));
}

/** The longest stored text in bytes per `question` (open questions) and `question._other` (something else), over a round's complete responses. */
export async function textWidths(db: Db, roundId: string): Promise<Map<string, number>> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const bytes = postgres ? sql<number>`max(octet_length(answers.text_value))` : sql<number>`max(length(cast(answers.text_value as blob)))`;
  const rows = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.question', 'answers.option', bytes.as('width')])
    .where('responses.round_id', '=', roundId)
    .where('responses.status', '=', 'complete')
    .where('answers.text_value', 'is not', null)
    .where('answers.text_value', '<>', MISSING_MARKER)
    .groupBy(['answers.question', 'answers.option'])
    .execute();
  return new Map(rows.map((r) => [r.option ? `${r.question}.${r.option}` : r.question, Number(r.width)]));
}

/** Complete responses per team of a round (responses through the organisation-wide link have no team). */
export async function completeByTeam(db: Db, roundId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('responses')
    .select(['team_id', sql<number>`count(*)`.as('n')])
    .where('round_id', '=', roundId)
    .where('status', '=', 'complete')
    .where('team_id', 'is not', null)
    .groupBy('team_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.team_id === null ? [] : [[r.team_id, Number(r.n)] as const])));
}

/*
 * Retention.
 */

/** The ids of the responses of the organisation's rounds that closed before the given day, as a subquery. */
export const responsesOfRoundsClosedBefore = (db: Db, organisationId: string, closedBefore: string) =>
  db
    .selectFrom('responses')
    .innerJoin('rounds', 'rounds.id', 'responses.round_id')
    .select('responses.id')
    .where('rounds.organisation_id', '=', organisationId)
    .where('rounds.closes_on', '<', closedBefore);

/** Deletes the responses (their answers cascade) of the organisation's rounds that closed before the given day; returns how many. */
export async function deleteResponsesOfRoundsClosedBefore(db: Db, organisationId: string, closedBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('responses')
    .where('round_id', 'in', db.selectFrom('rounds').select('id').where('organisation_id', '=', organisationId).where('closes_on', '<', closedBefore))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/*
 * Bulk loads that bypass the respondent flow (imports, the demo); the caller rebuilds the tallies.
 */

/** Inserts complete responses in statements of 50 rows. */
export async function insertResponses(db: Db, responses: ResponseTable[]): Promise<void> {
  for (let i = 0; i < responses.length; i += 50)
    await db
      .insertInto('responses')
      .values(responses.slice(i, i + 50))
      .execute();
}

/**
 * Rows per statement, kept under SQLite's and PostgreSQL's limits on bound parameters
 * (11 × 500 and 6 × 1,000), and large enough that 100,000 responses take seconds, not minutes.
 */
export const RESPONSE_BATCH = 500;
export const ANSWER_BATCH = 1000;

type Tables = { responses: ResponseTable; answers: AnswerTable };

/**
 * Inserts rows of one table in full batches. Building a statement of 6,000 parameters costs more
 * than running it, so the SQL text Kysely made for the first full batch is kept and used again
 * with the next batches' values (only once its parameters were checked to come in column order).
 */
export class BatchInsert<T extends keyof Tables> {
  #sql: string | undefined;

  constructor(
    private readonly table: T,
    private readonly size: number,
  ) {}

  async insert(db: Db, rows: Tables[T][]): Promise<void> {
    for (let i = 0; i < rows.length; i += this.size) {
      const batch = rows.slice(i, i + this.size);
      const columns = Object.keys(batch[0] ?? {}) as (keyof Tables[T])[];
      const values = () => batch.flatMap((row) => columns.map((c) => row[c] as unknown));
      if (this.#sql && batch.length === this.size) {
        await db.executeQuery(CompiledQuery.raw(this.#sql, values()));
        continue;
      }
      // `never`: Kysely cannot narrow the row type of a generic table; the rows are Tables[T].
      const compiled = db
        .insertInto(this.table)
        .values(batch as never)
        .compile();
      if (batch.length === this.size && sameValues(compiled.parameters, values())) this.#sql = compiled.sql;
      await db.executeQuery(compiled);
    }
  }
}

const sameValues = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
