import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * A report filtered on an answer ("sector = ggz") keeps the responses that chose that option, and
 * every count of the report asks that again (the responses, the value counts, the multiple-choice
 * sets; once per part when counted in parts). The index of 2026_12_07_scale_filtered_answers, on
 * (response_id, question, option) of every row with an option, could say which responses hold the
 * option but not whether the row is a choice or a "missing for this option" marker: that took a read
 * of the row itself for every matching row (PostgreSQL, 100,000 responses: 156 ms of the response
 * count, 25,000 rows read from the table).
 *
 * This index holds the chosen rows only, so the index alone answers. Its order is each database's:
 * - SQLite reads a filter's responses as a list, once per statement: by (question, option,
 *   response_id) that list is one range of the index (SQLite, 100,000 responses: 80 -> 26 ms a count).
 * - PostgreSQL looks up each response of the round (what the scale fix made it do, so a filtered
 *   report costs what its round holds, not what the network holds): by (response_id, question,
 *   option), as before, now without reading the row. Ordered by option first it estimated the range
 *   far too small (as if question and option were independent) and, before a VACUUM had marked the
 *   table's pages, read every matching row of the network: 155 ms for the count of a 910-response
 *   round in a network of 100,000 responses, against 2 ms by response.
 * It replaces the old index, so a submission writes no more index entries than before. The condition
 * is the one src/modules/rounds/missing-marker.ts calls a chosen option, frozen here; the filter
 * states it in the same words, so SQLite sees the index applies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createIndex('answers_chosen_idx')
    .on('answers')
    .columns(postgres ? ['response_id', 'question', 'option'] : ['question', 'option', 'response_id'])
    .where(sql<boolean>`option is not null and (text_value is null or text_value <> '_missing' or option = '_other')`)
    .execute();
  await db.schema.dropIndex('answers_response_option_idx').execute();
}
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('answers_response_option_idx')
    .on('answers')
    .columns(['response_id', 'question', 'option'])
    .where(sql.ref('option'), 'is not', null)
    .execute();
  await db.schema.dropIndex('answers_chosen_idx').execute();
}
