import { type Kysely, sql } from 'kysely';
import { addToTallies } from '../../modules/rounds/tallies.ts';

/**
 * Per-round tallies of the answers of complete responses, kept up to date in the transaction that
 * completes a response (see rounds/tallies.ts): respondents per value, respondents per question and
 * item, and respondents per set of options chosen on a question (for combinations and follow-ups). A report without answer filters reads these few
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
    .createTable('answer_choice_set_tallies')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('team_key', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('options_key', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_choice_set_tallies_pk', ['round_id', 'team_key', 'question', 'options_key'])
    .execute();

  await addToTallies(db, sql`true`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['answer_choice_set_tallies', 'answer_answered_tallies', 'answer_value_tallies']) await db.schema.dropTable(table).execute();
}
