import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * A report filtered on an answer ("sector = ggz") reads its own round, not the whole network
 * (issue 17, docs/scale.md).
 *
 * Such a report keeps the round's responses that hold a row with that question and option. With
 * answer rows reachable only by `response_id` alone (about 31 rows per response to read and filter)
 * or by `(question, item, option)` across every round, PostgreSQL chose the second: it collected the
 * matching rows of all rounds in the database and joined them to the round's responses. It also
 * expected far too few of them, as if question and option were independent, while an option key such
 * as `ggz` exists under one question only. In a network of 1,000,000 responses a filtered report of
 * one 10,000-response round then read most of the answers table.
 *
 * An index on (response_id, question, option) of the rows that hold an option (choice answers, about
 * a third of all rows; filters are always on an option) answers "does this response hold this
 * answer" with one index lookup per response of the round. It is partial because it cannot share
 * entries the way the index on response_id alone does (31 equal keys per response, deduplicated):
 * over every row it was six times that one's size. On PostgreSQL, extended statistics on
 * (question, option) give the planner the real number of matching rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('answers_response_option_idx')
    .on('answers')
    .columns(['response_id', 'question', 'option'])
    .where(sql.ref('option'), 'is not', null)
    .execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create statistics if not exists answers_question_option (dependencies, mcv) on question, option from answers`.execute(db);
  await sql`analyze answers`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop statistics if exists answers_question_option`.execute(db);
  await db.schema.dropIndex('answers_response_option_idx').execute();
}
