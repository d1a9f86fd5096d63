import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Per-round tallies of the answers of complete responses, kept up to date in the transaction that
 * completes a response (see rounds/tallies.ts): respondents per value, respondents per question and
 * item, and respondents per set of options chosen on a question (for combinations and follow-ups). A report without answer filters reads these few
 * thousand rows instead of grouping millions of answer rows. Keys use '' for "none" (a primary key
 * cannot hold NULL), so one row per round × team × question × item × option × value × marker.
 * Existing complete responses are counted here once, with a frozen copy of the statements
 * rounds/tallies.ts had when this migration was written: a migration must not change when live code does.
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

  await countExistingResponses(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['answer_choice_set_tallies', 'answer_answered_tallies', 'answer_value_tallies']) await db.schema.dropTable(table).execute();
}

/* Frozen copy of rounds/tallies.ts `addToTallies(db, sql`true`)` as of 2026-11-29. Do not edit; change live code instead. */

const valueKey = sql`coalesce(cast(a.number_value as text), '')`;
const marker = sql`case when a.text_value = '_missing' and a.option is not null and a.option <> '_other' then 1 else 0 end`;
const chosenOption = sql<boolean>`a.option is not null and (a.text_value is null or a.text_value <> '_missing' or a.option = '_other')`;
const completeAnswers = sql`from answers a join responses r on r.id = a.response_id where r.status = 'complete'`;

async function countExistingResponses(db: Kysely<unknown>): Promise<void> {
  const options =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<string>`string_agg(${sql.ref('option')}, ' ' order by ${sql.ref('option')} collate "C")`
      : sql<string>`group_concat(${sql.ref('option')}, ' ' order by ${sql.ref('option')})`;
  await sql`insert into answer_value_tallies (round_id, team_key, question, item_key, option_key, value_key, marker, n)
    select r.round_id, coalesce(r.team_id, ''), a.question, coalesce(a.item, ''), coalesce(a.option, ''), ${valueKey}, ${marker}, count(*)
    ${completeAnswers}
    group by r.round_id, coalesce(r.team_id, ''), a.question, coalesce(a.item, ''), coalesce(a.option, ''), ${valueKey}, ${marker}
    on conflict (round_id, team_key, question, item_key, option_key, value_key, marker) do update set n = answer_value_tallies.n + excluded.n`.execute(db);
  await sql`insert into answer_answered_tallies (round_id, team_key, question, item_key, n)
    select r.round_id, coalesce(r.team_id, ''), a.question, coalesce(a.item, ''), count(distinct a.response_id)
    ${completeAnswers}
    group by r.round_id, coalesce(r.team_id, ''), a.question, coalesce(a.item, '')
    on conflict (round_id, team_key, question, item_key) do update set n = answer_answered_tallies.n + excluded.n`.execute(db);
  await sql`insert into answer_choice_set_tallies (round_id, team_key, question, options_key, n)
    select round_id, team_key, question, options_key, count(*) from (
      select round_id, team_key, question, ${options} as options_key from (
        select distinct r.round_id, coalesce(r.team_id, '') as team_key, a.question, a.response_id, a.option
        ${completeAnswers} and ${chosenOption}
      ) chosen
      group by round_id, team_key, question, response_id
    ) sets
    where true
    group by round_id, team_key, question, options_key
    on conflict (round_id, team_key, question, options_key) do update set n = answer_choice_set_tallies.n + excluded.n`.execute(db);
}
