import { type Kysely, sql } from 'kysely';
import { addToTallies } from '../../modules/rounds/tallies.ts';

/**
 * Per-round tallies of the answers of complete responses, kept up to date in the transaction that
 * completes a response (see rounds/tallies.ts). A report without answer filters reads these few
 * thousand rows instead of grouping millions of answer rows. Keys use '' for "none" (a primary key
 * cannot hold NULL), so one row per round × team × question × item × option × value × marker.
 * Existing complete responses are counted here once, with the same statements the services use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('answer_value_tallies')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('team_key', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('option_key', 'text', (c) => c.notNull())
    .addColumn('value_key', 'text', (c) => c.notNull())
    .addColumn('marker', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_value_tallies_pk', ['round_id', 'team_key', 'question', 'item_key', 'option_key', 'value_key', 'marker'])
    .execute();
  await db.schema
    .createTable('answer_answered_tallies')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('team_key', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_answered_tallies_pk', ['round_id', 'team_key', 'question', 'item_key'])
    .execute();
  await db.schema
    .createTable('answer_combination_tallies')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('team_key', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('first_option', 'text', (c) => c.notNull())
    .addColumn('last_option', 'text', (c) => c.notNull())
    .addColumn('chosen', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_combination_tallies_pk', ['round_id', 'team_key', 'question', 'first_option', 'last_option', 'chosen'])
    .execute();

  await addToTallies(db, sql`true`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['answer_combination_tallies', 'answer_answered_tallies', 'answer_value_tallies']) await db.schema.dropTable(table).execute();
}
