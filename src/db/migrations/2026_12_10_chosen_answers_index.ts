import { type Kysely, sql } from 'kysely';

/**
 * A report filtered on an answer ("sector = ggz") keeps the responses that chose that option, and
 * every count of the report asks that again (the responses, the value counts, the multiple-choice
 * sets; once per part when counted in parts). The index of 2026_12_07_scale_filtered_answers, on
 * (response_id, question, option) of every row with an option, could say which responses hold the
 * option but not whether the row is a choice or a "missing for this option" marker: that took a read
 * of the row itself, for every matching row. At 100,000 responses it was most of the time of each
 * count (PostgreSQL: 156 ms of the response count, reading 25,000 rows from the table).
 *
 * This index holds the chosen rows only, by (question, option, response_id): "which responses chose
 * ggz" is a range of the index and nothing else (an index-only scan on PostgreSQL, 60 ms), and "did
 * this response choose ggz" is one lookup of the whole key, as the old index gave for a small round
 * in a large network. It replaces that index, so a submission writes no more index entries than
 * before. The condition is the one src/modules/rounds/missing-marker.ts calls a chosen option,
 * frozen here; the filter states it in the same words, so SQLite sees the index applies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('answers_chosen_idx')
    .on('answers')
    .columns(['question', 'option', 'response_id'])
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
