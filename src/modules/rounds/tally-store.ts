import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { answeredKey, type ChoiceSetCount, type Scope, type SqlCondition, splitOptions, type ValueCount } from './answer-counts.ts';
import { addStoredToTallies } from './tally-hash-store.ts';

/**
 * Per-round tallies of complete responses' answers (tables in migration 0006). Every path that makes
 * a response complete (a submission, a draft handed in, an import, the demo) adds that response here
 * in the same transaction, exactly once: the transition to complete happens once. Counts without
 * answer filters read the tallies (answers.ts); the differential test in test/analysis/tallies.test.ts
 * checks they always equal counting the answers themselves (answers-store.ts).
 *
 * The keys are tally-batch.ts's tallyRowsOf, the same groups as answers-store.ts's counts: '' stands
 * for NULL, a number value is kept as its text (each database's own canonical form, read back with
 * Number()). Migration 0006 counted the responses that existed then in SQL (a frozen copy), and
 * test/storage/frozen-migration.test.ts checks that both give the same tallies.
 */

/** The values of `column` in a group, sorted, separated by one space (option keys hold no spaces). */
export function orderedList<DB>(db: Kysely<DB>, column: RawBuilder<unknown> | ReturnType<typeof sql.ref>) {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`string_agg(${column}, ' ' order by ${column} collate "C")`
    : sql<string>`group_concat(${column}, ' ' order by ${column})`;
}

/**
 * Adds the complete responses matching `where` (a condition on `r`, the responses) to the tallies and
 * stores each one's tally hashes, from their answer rows read once (tally-hash-store.ts). Call once
 * per response, in the transaction that completes it.
 */
export const addToTallies = <DB>(db: Kysely<DB>, where: RawBuilder<unknown>): Promise<void> => addStoredToTallies(db, where);

/** Adds these just-completed responses to the tallies. */
export const addResponsesToTallies = <DB>(db: Kysely<DB>, responseIds: readonly string[]): Promise<void> =>
  responseIds.length === 0 ? Promise.resolve() : addToTallies(db, sql`r.id in (${sql.join(responseIds)})`);

/**
 * Counts these rounds again from their answers (after a bulk load that bypassed the services), in
 * one transaction: reports never see the tallies half counted, and the responses' hashes are written
 * with one flush of the log, not one per response.
 */
export async function rebuildTallies<DB>(db: Kysely<DB>, roundIds: readonly string[]): Promise<void> {
  if (roundIds.length === 0) return;
  const rebuild = async (trx: Kysely<DB>) => {
    for (const table of ['answer_value_tallies', 'answer_answered_tallies', 'answer_choice_set_tallies'])
      await sql`delete from ${sql.table(table)} where round_id in (${sql.join(roundIds)})`.execute(trx);
    await addToTallies(trx, sql`r.round_id in (${sql.join(roundIds)})`);
  };
  if (db.isTransaction) await rebuild(db);
  else await db.transaction().execute(rebuild);
}

/*
 * Reading the tallies: the counts of answers-store.ts for scopes without answer filters (a round or
 * rounds, optionally one team). '' in a key column stands for NULL.
 */
const fromKey = (key: string): string | null => (key === '' ? null : key);

function tallyScope(db: Db, scope: Scope) {
  const roundIds = db
    .selectFrom('rounds')
    .select('rounds.id')
    .where('rounds.organisation_id', '=', scope.organisationId)
    .where('rounds.id', 'in', scope.roundIds.length ? scope.roundIds : ['']);
  return { roundIds, teamKey: scope.teamId };
}

export async function valueCounts(db: Db, scope: Scope): Promise<ValueCount[]> {
  const { roundIds, teamKey } = tallyScope(db, scope);
  const rows = await db
    .selectFrom('answer_value_tallies as t')
    .select(['t.question', 't.item_key', 't.option_key', 't.value_key', 't.marker', sql<number>`sum(t.n)`.as('n')])
    .where('t.round_id', 'in', roundIds)
    .$if(teamKey !== undefined, (q) => q.where('t.team_key', '=', teamKey ?? ''))
    .groupBy(['t.question', 't.item_key', 't.option_key', 't.value_key', 't.marker'])
    .execute();
  return rows.map((r) => ({
    question: r.question,
    item: fromKey(r.item_key),
    option: fromKey(r.option_key),
    value: r.value_key === '' ? null : Number(r.value_key),
    marker: Number(r.marker) === 1,
    count: Number(r.n),
  }));
}

export async function answeredCounts(db: Db, scope: Scope, multipleChoice: string[]): Promise<Map<string, number>> {
  const { roundIds, teamKey } = tallyScope(db, scope);
  const rows = await db
    .selectFrom('answer_answered_tallies as t')
    .select(['t.question', 't.item_key', sql<number>`sum(t.n)`.as('n')])
    .where('t.round_id', 'in', roundIds)
    .where('t.question', 'in', multipleChoice)
    .$if(teamKey !== undefined, (q) => q.where('t.team_key', '=', teamKey ?? ''))
    .groupBy(['t.question', 't.item_key'])
    .execute();
  return new Map(rows.map((r) => [answeredKey(r.question, fromKey(r.item_key)), Number(r.n)]));
}

export async function choiceSets(db: Db, scope: Scope, question: string): Promise<ChoiceSetCount[]> {
  const { roundIds, teamKey } = tallyScope(db, scope);
  const rows = await db
    .selectFrom('answer_choice_set_tallies as t')
    .select(['t.options_key', sql<number>`sum(t.n)`.as('n')])
    .where('t.round_id', 'in', roundIds)
    .where('t.question', '=', question)
    .$if(teamKey !== undefined, (q) => q.where('t.team_key', '=', teamKey ?? ''))
    .groupBy('t.options_key')
    .execute();
  return rows.map((r) => ({ options: splitOptions(r.options_key), count: Number(r.n) }));
}

/**
 * Respondents who answered a question with one row per respondent (a `one-row` condition): its value
 * counts without missing markers. Conditions on choice questions are counted from their sets (answers.ts).
 */
export async function countAnswered(db: Db, scope: Scope, condition: SqlCondition): Promise<number> {
  const { roundIds, teamKey } = tallyScope(db, scope);
  const row = await db
    .selectFrom('answer_value_tallies as t')
    .select(sql<number>`coalesce(sum(t.n), 0)`.as('n'))
    .where('t.round_id', 'in', roundIds)
    .where('t.question', '=', condition.question)
    .where('t.marker', '=', 0)
    .$if(teamKey !== undefined, (q) => q.where('t.team_key', '=', teamKey ?? ''))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
