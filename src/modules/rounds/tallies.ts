import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

/**
 * Per-round tallies of complete responses' answers (tables in migration 0006). Every path that makes
 * a response complete (a submission, a draft handed in, an import, the demo) adds that response here
 * in the same transaction, exactly once: the transition to complete happens once. Reports without
 * answer filters read the tallies (analysis/store.ts); the differential test in
 * test/analysis/tallies.test.ts checks they always equal counting the answers themselves.
 *
 * The grouping expressions are the same as analysis/store.ts's raw queries: '' stands for NULL,
 * a number value is kept as its text (each database's own canonical form, read back with Number()).
 */
const valueKey = sql`coalesce(cast(a.number_value as text), '')`;
const marker = sql`case when a.text_value = '_missing' and a.option is not null and a.option <> '_other' then 1 else 0 end`;

/** A row that is a choice of an option (not a "missing for this option" marker). */
export const chosenOption = sql<boolean>`a.option is not null and (a.text_value is null or a.text_value <> '_missing' or a.option = '_other')`;

/** The values of `column` in a group, sorted, separated by one space (option keys hold no spaces). */
export function orderedList<DB>(db: Kysely<DB>, column: RawBuilder<unknown> | ReturnType<typeof sql.ref>) {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`string_agg(${column}, ' ' order by ${column} collate "C")`
    : sql<string>`group_concat(${column}, ' ' order by ${column})`;
}

/** Answers of complete responses matching `where` (a condition on `r`, the responses, or `a`, the answers). */
const completeAnswers = (where: RawBuilder<unknown>) => sql`from answers a join responses r on r.id = a.response_id where r.status = 'complete' and (${where})`;

/** Adds the complete responses matching `where` to the tallies. Call once per response, in the transaction that completes it. */
export async function addToTallies<DB>(db: Kysely<DB>, where: RawBuilder<unknown>): Promise<void> {
  await sql`insert into answer_value_tallies (round_id, team_key, question, item_key, option_key, value_key, marker, n)
    select r.round_id, coalesce(r.team_id, ''), a.question, coalesce(a.item, ''), coalesce(a.option, ''), ${valueKey}, ${marker}, count(*)
    ${completeAnswers(where)}
    group by r.round_id, coalesce(r.team_id, ''), a.question, coalesce(a.item, ''), coalesce(a.option, ''), ${valueKey}, ${marker}
    on conflict (round_id, team_key, question, item_key, option_key, value_key, marker) do update set n = answer_value_tallies.n + excluded.n`.execute(db);
  await sql`insert into answer_answered_tallies (round_id, team_key, question, item_key, n)
    select r.round_id, coalesce(r.team_id, ''), a.question, coalesce(a.item, ''), count(distinct a.response_id)
    ${completeAnswers(where)}
    group by r.round_id, coalesce(r.team_id, ''), a.question, coalesce(a.item, '')
    on conflict (round_id, team_key, question, item_key) do update set n = answer_answered_tallies.n + excluded.n`.execute(db);
  await sql`insert into answer_choice_set_tallies (round_id, team_key, question, options_key, n)
    select round_id, team_key, question, options_key, count(*) from (
      select round_id, team_key, question, ${orderedList(db, sql.ref('option'))} as options_key from (
        select distinct r.round_id, coalesce(r.team_id, '') as team_key, a.question, a.response_id, a.option
        ${completeAnswers(where)} and ${chosenOption}
      ) chosen
      group by round_id, team_key, question, response_id
    ) sets
    where true
    group by round_id, team_key, question, options_key
    on conflict (round_id, team_key, question, options_key) do update set n = answer_choice_set_tallies.n + excluded.n`.execute(db);
}

/** Adds these just-completed responses to the tallies. */
export const addResponsesToTallies = <DB>(db: Kysely<DB>, responseIds: readonly string[]): Promise<void> =>
  responseIds.length === 0 ? Promise.resolve() : addToTallies(db, sql`r.id in (${sql.join(responseIds)})`);

/** Counts these rounds again from their answers (after a bulk load that bypassed the services). */
export async function rebuildTallies<DB>(db: Kysely<DB>, roundIds: readonly string[]): Promise<void> {
  if (roundIds.length === 0) return;
  for (const table of ['answer_value_tallies', 'answer_answered_tallies', 'answer_choice_set_tallies'])
    await sql`delete from ${sql.table(table)} where round_id in (${sql.join(roundIds)})`.execute(db);
  await addToTallies(db, sql`r.round_id in (${sql.join(roundIds)})`);
}
