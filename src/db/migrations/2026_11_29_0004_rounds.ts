import type { Kysely } from 'kysely';

/**
 * Collection rounds, their links, and responses with their answers in long format (one row per
 * response × question × item × option or value), so analysis runs as SQL aggregation.
 * Anonymity by design: no account, no IP address, no token on a response, dates kept to the day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('instrument_version_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('open_text_export', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rounds_organisation_idx').on('rounds').column('organisation_id').execute();

  await db.schema
    .createTable('round_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('round_links_round_idx').on('round_links').column('round_id').execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('link_id', 'text', (c) => c.notNull().references('round_links.id').onDelete('cascade'))
    .addColumn('team_id', 'text')
    .addColumn('instrument_version_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text')
    .addColumn('resume_code_hash', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('responses_round_status_idx').on('responses').columns(['round_id', 'status']).execute();

  await db.schema
    .createTable('answers')
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('item', 'text')
    .addColumn('option', 'text')
    .addColumn('number_value', 'double precision')
    .addColumn('text_value', 'text')
    .execute();
  await db.schema.createIndex('answers_response_idx').on('answers').column('response_id').execute();
  await db.schema.createIndex('answers_question_idx').on('answers').columns(['question', 'item', 'option']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['answers', 'responses', 'round_links', 'rounds']) await db.schema.dropTable(table).execute();
}
