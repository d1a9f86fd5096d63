import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { answeredKey, type ChoiceSetCount, type Scope, type SqlCondition, splitOptions, type ValueCount } from './store.ts';

/**
 * The counts of analysis/store.ts read from the per-round tallies (rounds/tallies.ts) instead of the
 * answer rows: for scopes without answer filters (a round or rounds, optionally one team). '' in a
 * key column stands for NULL.
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
 * Respondents for whom a condition on an earlier question held. On a choice question: the sets that
 * contain one of the options (or any set, for "answered"). On a question with one row per respondent:
 * its value counts without missing markers.
 */
export async function countWhere(db: Db, scope: Scope, condition: SqlCondition): Promise<number> {
  if (condition.shape === 'choice') {
    const sets = await choiceSets(db, scope, condition.question);
    const wanted = 'options' in condition ? new Set(condition.options) : null;
    return sets.filter((set) => wanted === null || set.options.some((o) => wanted.has(o))).reduce((sum, set) => sum + set.count, 0);
  }
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
