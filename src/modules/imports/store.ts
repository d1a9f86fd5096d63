import { CompiledQuery } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AnswerTable, ResponseTable } from '../../db/tables/rounds.ts';

/** The round an import goes into; by id alone for the command line, which acts for no organisation. */
export function findRound(db: Db, roundId: string, organisationId?: string) {
  let query = db.selectFrom('rounds').select(['id', 'organisation_id', 'instrument_version_id', 'name']).where('id', '=', roundId);
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
  return query.executeTakeFirst();
}

export const listLinks = (db: Db, roundId: string) =>
  db
    .selectFrom('round_links')
    .leftJoin('teams', 'teams.id', 'round_links.team_id')
    .select(['round_links.id', 'round_links.team_id', 'teams.name as team_name'])
    .where('round_links.round_id', '=', roundId)
    .execute();

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
