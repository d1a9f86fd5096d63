import { type ExpressionBuilder, PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type AnswerRowCounts, answeredKey, type ChoiceSetCount, type Scope, type SqlCondition, splitOptions, type ValueCount } from './answer-counts.ts';
import { chosenOptionOf, MISSING_MARKER, markerOf } from './missing-marker.ts';
import { countHashes } from './tally-hashes.ts';
import { orderedList } from './tally-store.ts';

/**
 * The counts of survey answers (`answers`, `responses`) that other modules need, for the analysis: in
 * SQL on SQLite and PostgreSQL alike, no answer row is loaded into Node to be counted (rows read or
 * written whole, for exports, retention and bulk loads, are in answer-rows-store.ts). Other modules
 * reach these through answers.ts, never here. A scope without answer filters is counted from the
 * per-round tallies instead (tally-store.ts), one with them from its responses' tally hashes
 * (tallyHashCounts, tally-hashes.ts) where those can say; the other functions here group the answer
 * rows themselves (any scope).
 */

// biome-ignore lint/suspicious/noExplicitAny: the condition is used from queries on `responses` alone and on `answers` joined to it
type ResponsesEb = ExpressionBuilder<Database, any>;

/** The scope as a WHERE condition on `responses`. */
const inScope = (scope: Scope) => (eb: ResponsesEb) =>
  eb.and([
    eb('responses.status', '=', 'complete'),
    eb('responses.round_id', 'in', scope.roundIds.length ? scope.roundIds : ['']),
    eb('responses.round_id', 'in', eb.selectFrom('rounds').select('rounds.id').where('rounds.organisation_id', '=', scope.organisationId)),
    ...(scope.teamId ? [eb('responses.team_id', '=', scope.teamId)] : []),
    ...scope.answers.map((f) =>
      eb(
        'responses.id',
        'in',
        eb
          .selectFrom('answers as f')
          .select('f.response_id')
          .where('f.question', '=', f.question)
          .where('f.option', '=', f.option)
          // A "missing for this option" marker is not a choice of that option. Stated as the index of
          // chosen rows states it (answers_chosen_idx), so SQLite sees that index applies.
          .where(chosenOptionOf('f')),
      ),
    ),
  ]);

const marker = markerOf('answers');

/** Complete responses in scope. */
export async function countResponses(db: Db, scope: Scope): Promise<number> {
  const row = await db.selectFrom('responses').select(sql<number>`count(*)`.as('n')).where(inScope(scope)).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** What the value counts group by: question, item, option, number and whether the row is a missing marker. */
const VALUE_GROUP = ['answers.question', 'answers.item', 'answers.option', 'answers.number_value'] as const;

// Answer rows are unique per response × question × item × option by construction (see respondent.ts
// and imports), so count(*) counts respondents without a DISTINCT sort.
const respondentsCounted = sql<number>`count(*)`;

type ValueCountRow = { question: string; item: string | null; option: string | null; number_value: number | null; marker: number; n: number };

const toValueCounts = (rows: ValueCountRow[]): ValueCount[] =>
  rows.map((r) => ({
    question: r.question,
    item: r.item,
    option: r.option,
    value: r.number_value === null ? null : Number(r.number_value),
    marker: Number(r.marker) === 1,
    count: Number(r.n),
  }));

/** Every answer in scope, counted per question, item, option and value. Text answers count as one group per question. */
export async function valueCountsFromAnswers(db: Db, scope: Scope): Promise<ValueCount[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select([...VALUE_GROUP, marker.as('marker'), respondentsCounted.as('n')])
    .where(inScope(scope))
    .groupBy([...VALUE_GROUP, marker])
    .execute();
  return toValueCounts(rows);
}

/**
 * Respondents with at least one row for a multiple-choice question (several rows each). Marker rows
 * count: the respondent answered the question but left some options blank.
 */
export async function answeredCountsFromAnswers(db: Db, scope: Scope, multipleChoice: string[]): Promise<Map<string, number>> {
  // The responses in scope lead, their rows found by response: with an inner join SQLite started from
  // the questions' index instead, which holds these questions' rows of every round (600 ms against
  // 130 ms for 5,000 of 20,000 responses). SQLite keeps a cross join's order; PostgreSQL plans it freely.
  const rows = await db
    .selectFrom('responses')
    .crossJoin('answers')
    .whereRef('answers.response_id', '=', 'responses.id')
    .select(['answers.question', 'answers.item', sql<number>`count(distinct answers.response_id)`.as('n')])
    .where(inScope(scope))
    .where('answers.question', 'in', multipleChoice)
    .groupBy(['answers.question', 'answers.item'])
    .execute();
  return new Map(rows.map((r) => [answeredKey(r.question, r.item), Number(r.n)]));
}

/**
 * For multiple-choice questions, in one pass over their rows: the respondents who answered each (by
 * question and item; marker rows count, as in answeredCountsFromAnswers) and the sets of options they
 * chose (as choiceSetsFromAnswers; a respondent with marker rows only has no set).
 */
export async function multipleChoiceFromAnswers(db: Db, scope: Scope, questions: string[]): Promise<MultipleChoiceCounts> {
  if (questions.length === 0) return { answered: new Map(), sets: new Map() };
  // The responses lead, their rows found by response (see answeredCountsFromAnswers).
  const perRespondent = db
    .selectFrom('responses')
    .crossJoin('answers as a')
    .whereRef('a.response_id', '=', 'responses.id')
    .select(['a.question', 'a.item', optionsChosen(db, 'a').as('options_key')])
    .where(inScope(scope))
    .where('a.question', 'in', questions)
    .groupBy(['a.response_id', 'a.question', 'a.item']);
  return countChoiceSets(db, perRespondent);
}

type MultipleChoiceCounts = Pick<AnswerRowCounts, 'answered' | 'sets'>;

/** A respondent's chosen options of one question and item, as one sorted key (null: none chosen, markers only). */
const optionsChosen = (db: Db, alias: string) => orderedList(db, sql`case when ${chosenOptionOf(alias)} then ${sql.ref(`${alias}.option`)} end`);

type PerRespondent = { question: string; item: string | null; options_key: string | null };

/** Respondents (one row each per question and item, see optionsChosen) counted per question, item and set of chosen options. */
async function countChoiceSets(
  db: Db,
  // biome-ignore lint/suspicious/noExplicitAny: a subquery of any source (responses with answers, or answers alone) with these columns
  perRespondent: SelectQueryBuilder<any, any, PerRespondent>,
): Promise<MultipleChoiceCounts> {
  const rows = await db
    .selectFrom(perRespondent.as('m'))
    .select(['m.question', 'm.item', 'm.options_key', respondentsCounted.as('n')])
    .groupBy(['m.question', 'm.item', 'm.options_key'])
    .execute();
  return setsOfRespondents(rows);
}

/** The answered counts and the sets, from respondents grouped by question, item and set of chosen options. */
function setsOfRespondents(rows: { question: string; item: string | null; options_key: string | null; n: number }[]): MultipleChoiceCounts {
  const answered = new Map<string, number>();
  const sets = new Map<string, ChoiceSetCount[]>();
  for (const r of rows) {
    const key = answeredKey(r.question, r.item);
    answered.set(key, (answered.get(key) ?? 0) + Number(r.n));
    if (r.options_key === null) continue;
    const list = sets.get(r.question) ?? [];
    sets.set(r.question, list);
    const options = splitOptions(r.options_key);
    const same = list.find((set) => set.options.join(' ') === r.options_key);
    if (same) same.count += Number(r.n);
    else list.push({ options, count: Number(r.n) });
  }
  return { answered, sets };
}

/** Everything a report counts from the answer rows of a scope (or of one part of it), one statement after another. */
export async function answerRowCountsFromAnswers(db: Db, scope: Scope, multipleChoice: string[]): Promise<AnswerRowCounts> {
  const n = await countResponses(db, scope);
  const values = await valueCountsFromAnswers(db, scope);
  return { n, values, ...(await multipleChoiceFromAnswers(db, scope, multipleChoice)) };
}

/** The tally hashes of the complete responses in scope, counted; `missing`: some response in scope has none stored. */
export type TallyHashCounts = { n: number; missing: boolean; counted: Map<number, number> };

export async function tallyHashCounts(db: Db, scope: Scope): Promise<TallyHashCounts> {
  const rows = await db.selectFrom('responses').select('responses.tally_hashes').where(inScope(scope)).execute();
  const stored = rows.flatMap((r) => (r.tally_hashes ? [r.tally_hashes] : []));
  return { n: rows.length, missing: stored.length < rows.length, counted: countHashes(stored) };
}

/** The complete responses in scope, by id. */
export async function responseIdsInScope(db: Db, scope: Scope): Promise<string[]> {
  const rows = await db.selectFrom('responses').select('responses.id').where(inScope(scope)).execute();
  return rows.map((r) => r.id);
}

/**
 * The answer rows of these responses, by response id; one statement text for any number of them (an
 * array parameter on PostgreSQL, a JSON array on SQLite). On SQLite the ids lead through a cross join,
 * whose order SQLite keeps: with `response_id in (…)` and a condition on the question it started from
 * the questions' index instead, which holds those questions' rows of every round.
 */
function rowsOfResponses(db: Db, responseIds: readonly string[]): ReturnType<typeof answersOf> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return answersOf(db).where(sql<boolean>`answers.response_id = any(${responseIds}::text[])`);
  // The ids' own column is never selected, so the rows have the shape of `answers` alone.
  return db
    .selectFrom(sql`json_each(${JSON.stringify(responseIds)})`.as('ids'))
    .crossJoin('answers')
    .where(sql<boolean>`answers.response_id = ids.value`) as unknown as ReturnType<typeof answersOf>;
}

const answersOf = (db: Db) => db.selectFrom('answers');

/**
 * Everything a report counts from the answer rows of responses already selected (by
 * responseIdsInScope), their rows found by response id. A report counted in parts selects its
 * responses once and hands each part its share: the scope and its answer filters are evaluated once
 * instead of once per statement and part (at 100,000 responses PostgreSQL read the filter's rows from
 * the table each time, about 350 ms, and planned the counts joined to the filtered responses as a scan
 * of every answer row; SQLite scanned the round's responses again in every statement).
 */
export async function answerRowCountsOfResponses(db: Db, responseIds: readonly string[], multipleChoice: string[]): Promise<AnswerRowCounts> {
  if (responseIds.length === 0) return { n: 0, values: [], answered: new Map(), sets: new Map() };
  const values = await rowsOfResponses(db, responseIds)
    .select([...VALUE_GROUP, marker.as('marker'), respondentsCounted.as('n')])
    .groupBy([...VALUE_GROUP, marker])
    .execute();
  if (multipleChoice.length === 0) return { n: responseIds.length, values: toValueCounts(values), answered: new Map(), sets: new Map() };
  const perRespondent = rowsOfResponses(db, responseIds)
    .select(['answers.question', 'answers.item', optionsChosen(db, 'answers').as('options_key')])
    .where('answers.question', 'in', multipleChoice)
    .groupBy(['answers.response_id', 'answers.question', 'answers.item']);
  return { n: responseIds.length, values: toValueCounts(values), ...(await countChoiceSets(db, perRespondent)) };
}

/** Complete responses in scope for which the condition held (the respondents a follow-up question was shown to). */
export async function countWhereFromAnswers(db: Db, scope: Scope, condition: SqlCondition): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select(sql<number>`count(*)`.as('n'))
    .where(inScope(scope))
    .where((eb) =>
      eb(
        'responses.id',
        'in',
        eb
          .selectFrom('answers as c')
          .select('c.response_id')
          .where('c.question', '=', condition.question)
          .where((inner) =>
            'options' in condition
              ? inner.and([
                  inner('c.option', 'in', condition.options.length ? condition.options : ['']),
                  inner.or([inner('c.text_value', 'is', null), inner('c.text_value', '<>', MISSING_MARKER)]),
                ])
              : inner.or([inner('c.text_value', 'is', null), inner('c.text_value', '<>', MISSING_MARKER)]),
          ),
      ),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Respondents per set of options chosen on the question, from the answer rows themselves (any scope). */
export async function choiceSetsFromAnswers(db: Db, scope: Scope, question: string): Promise<ChoiceSetCount[]> {
  const chosen = db
    .selectFrom('answers as a')
    .innerJoin('responses', 'responses.id', 'a.response_id')
    .select(['a.response_id', 'a.option'])
    .distinct()
    .where(inScope(scope))
    .where('a.question', '=', question)
    .where(chosenOptionOf('a'));
  const perResponse = db
    .selectFrom(chosen.as('chosen'))
    .select(orderedList(db, sql.ref('chosen.option')).as('options_key'))
    .groupBy('chosen.response_id');
  const rows = await db
    .selectFrom(perResponse.as('sets'))
    .select(['sets.options_key', sql<number>`count(*)`.as('n')])
    .groupBy('sets.options_key')
    .execute();
  return rows.map((r) => ({ options: splitOptions(r.options_key), count: Number(r.n) }));
}

/** Complete responses in scope per team (null: answered through the organisation's link). */
export async function countsByTeam(db: Db, scope: Scope): Promise<{ teamId: string | null; count: number }[]> {
  const rows = await db
    .selectFrom('responses')
    .select(['responses.team_id', sql<number>`count(*)`.as('n')])
    .where(inScope(scope))
    .groupBy('responses.team_id')
    .execute();
  return rows.map((r) => ({ teamId: r.team_id, count: Number(r.n) }));
}

/** Respondents in scope per option of one choice question, missing markers apart. */
export async function optionCounts(db: Db, scope: Scope, question: string): Promise<{ option: string | null; marker: boolean; count: number }[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.option', marker.as('marker'), sql<number>`count(distinct answers.response_id)`.as('n')])
    .where(inScope(scope))
    .where('answers.question', '=', question)
    .groupBy(['answers.option', marker])
    .execute();
  return rows.map((r) => ({ option: r.option, marker: Number(r.marker) === 1, count: Number(r.n) }));
}

/** The complete responses in scope with their team, and their rows for the given questions (markers flagged). */
export async function respondentsFor(db: Db, scope: Scope, questions: string[]) {
  const responses = await db.selectFrom('responses').select(['responses.id', 'responses.team_id']).where(inScope(scope)).execute();
  const rows = questions.length
    ? await db
        .selectFrom('answers')
        .innerJoin('responses', 'responses.id', 'answers.response_id')
        .select(['answers.response_id', 'answers.question', 'answers.option', marker.as('marker')])
        .where(inScope(scope))
        .where('answers.question', 'in', questions)
        .execute()
    : [];
  return {
    responses: responses.map((r) => ({ id: r.id, teamId: r.team_id })),
    rows: rows.map((r) => ({ responseId: r.response_id, question: r.question, option: r.option, marker: Number(r.marker) === 1 })),
  };
}
