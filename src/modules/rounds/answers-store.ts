import { CompiledQuery, type ExpressionBuilder, PostgresAdapter, sql } from 'kysely';
import { arrayRowTexts, type Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { AnswerTable, ResponseTable } from '../../db/tables/rounds.ts';
import {
  type AnswerRowCounts,
  answeredKey,
  type ChoiceSetCount,
  partBounds,
  type Scope,
  type ScopePart,
  type SqlCondition,
  splitOptions,
  type ValueCount,
} from './answer-counts.ts';
import { chosenOptionOf, MISSING_MARKER, markerOf } from './missing-marker.ts';
import { orderedList } from './tally-store.ts';

/**
 * The queries on survey answers (`answers`, `responses`) that other modules need: counts for the
 * analysis (in SQL on SQLite and PostgreSQL alike; no response is ever loaded into Node), the rows
 * of an export, bulk loads (imports, the demo) and the retention job. Other modules reach these
 * through answers.ts, never here. A scope without answer filters is counted from the per-round
 * tallies instead (tally-store.ts); the functions here group the answer rows themselves (any scope).
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
    ...(scope.part ? [inPart(eb, scope.part)] : []),
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

/** The responses of one part of a scope, by the last character of their id (partBounds). The same SQL on SQLite and PostgreSQL. */
function inPart(eb: ResponsesEb, part: ScopePart) {
  const { from, to } = partBounds(part);
  const last = sql<string>`substr(responses.id, length(responses.id), 1)`;
  return eb.and([...(from === null ? [] : [eb(last, '>=', from)]), ...(to === null ? [] : [eb(last, '<', to)])]);
}

const marker = markerOf('answers');

/** Complete responses in scope. */
export async function countResponses(db: Db, scope: Scope): Promise<number> {
  const row = await db.selectFrom('responses').select(sql<number>`count(*)`.as('n')).where(inScope(scope)).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every answer in scope, counted per question, item, option and value. Text answers count as one group per question. */
export async function valueCountsFromAnswers(db: Db, scope: Scope): Promise<ValueCount[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select([
      'answers.question',
      'answers.item',
      'answers.option',
      'answers.number_value',
      marker.as('marker'),
      // Answer rows are unique per response × question × item × option by construction (see
      // respondent.ts and imports), so count(*) counts respondents without a DISTINCT sort.
      sql<number>`count(*)`.as('n'),
    ])
    .where(inScope(scope))
    .groupBy(['answers.question', 'answers.item', 'answers.option', 'answers.number_value', marker])
    .execute();
  return rows.map((r) => ({
    question: r.question,
    item: r.item,
    option: r.option,
    value: r.number_value === null ? null : Number(r.number_value),
    marker: Number(r.marker) === 1,
    count: Number(r.n),
  }));
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
export async function multipleChoiceFromAnswers(
  db: Db,
  scope: Scope,
  questions: string[],
): Promise<{ answered: Map<string, number>; sets: Map<string, ChoiceSetCount[]> }> {
  const answered = new Map<string, number>();
  const sets = new Map<string, ChoiceSetCount[]>();
  if (questions.length === 0) return { answered, sets };
  // The responses lead, their rows found by response (see answeredCountsFromAnswers).
  const perRespondent = db
    .selectFrom('responses')
    .crossJoin('answers as a')
    .whereRef('a.response_id', '=', 'responses.id')
    .select(['a.question', 'a.item', orderedList(db, sql`case when ${chosenOptionOf('a')} then a.option end`).as('options_key')])
    .where(inScope(scope))
    .where('a.question', 'in', questions)
    .groupBy(['a.response_id', 'a.question', 'a.item']);
  const rows = await db
    .selectFrom(perRespondent.as('m'))
    .select(['m.question', 'm.item', 'm.options_key', sql<number>`count(*)`.as('n')])
    .groupBy(['m.question', 'm.item', 'm.options_key'])
    .execute();
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

/*
 * The rows of an export.
 */

/** The complete responses (all rounds), as a subquery another module's query may join (the export's order). */
export const completeResponses = (db: Db) =>
  db
    .selectFrom('responses')
    .select(['responses.id', 'responses.round_id', 'responses.team_id', 'responses.language'])
    .where('responses.status', '=', 'complete');

const ANSWER_ROW = 'select response_id, question, item, option, number_value, text_value from answers where response_id';
/** One text per dialect for any number of ids: an array on PostgreSQL, a JSON array on SQLite. */
const ANSWERS_OF_RESPONSES_PG = `${ANSWER_ROW} = any($1::text[])`;
const ANSWERS_OF_RESPONSES_SQLITE = `${ANSWER_ROW} in (select value from json_each(?))`;
arrayRowTexts.add(ANSWERS_OF_RESPONSES_PG);
arrayRowTexts.add(ANSWERS_OF_RESPONSES_SQLITE);
type AnswerRowTuple = [string, string, string | null, string | null, number | null, string | null];

/**
 * The answer rows of these responses. An export reads millions of them, page by page: the rows come
 * as arrays (arrayRowTexts), which costs the driver less than an object per row.
 */
export async function answersOfResponses(db: Db, responseIds: string[]): Promise<AnswerTable[]> {
  if (responseIds.length === 0) return [];
  const query =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? CompiledQuery.raw(ANSWERS_OF_RESPONSES_PG, [responseIds])
      : CompiledQuery.raw(ANSWERS_OF_RESPONSES_SQLITE, [JSON.stringify(responseIds)]);
  const { rows } = await db.executeQuery<AnswerRowTuple>(query);
  return rows.map(([response_id, question, item, option, number_value, text_value]) => ({ response_id, question, item, option, number_value, text_value }));
}

/** The longest stored text in bytes per `question` (open questions) and `question._other` (something else), over a round's complete responses. */
export async function textWidths(db: Db, roundId: string): Promise<Map<string, number>> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const bytes = postgres ? sql<number>`max(octet_length(answers.text_value))` : sql<number>`max(length(cast(answers.text_value as blob)))`;
  const rows = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.question', 'answers.option', bytes.as('width')])
    .where('responses.round_id', '=', roundId)
    .where('responses.status', '=', 'complete')
    .where('answers.text_value', 'is not', null)
    .where('answers.text_value', '<>', MISSING_MARKER)
    .groupBy(['answers.question', 'answers.option'])
    .execute();
  return new Map(rows.map((r) => [r.option ? `${r.question}.${r.option}` : r.question, Number(r.width)]));
}

/** Complete responses per team of a round (responses through the organisation-wide link have no team). */
export async function completeByTeam(db: Db, roundId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('responses')
    .select(['team_id', sql<number>`count(*)`.as('n')])
    .where('round_id', '=', roundId)
    .where('status', '=', 'complete')
    .where('team_id', 'is not', null)
    .groupBy('team_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.team_id === null ? [] : [[r.team_id, Number(r.n)] as const])));
}

/*
 * Retention.
 */

/** The ids of the responses of the organisation's rounds that closed before the given day, as a subquery. */
export const responsesOfRoundsClosedBefore = (db: Db, organisationId: string, closedBefore: string) =>
  db
    .selectFrom('responses')
    .innerJoin('rounds', 'rounds.id', 'responses.round_id')
    .select('responses.id')
    .where('rounds.organisation_id', '=', organisationId)
    .where('rounds.closes_on', '<', closedBefore);

/** Deletes the responses (their answers cascade) of the organisation's rounds that closed before the given day; returns how many. */
export async function deleteResponsesOfRoundsClosedBefore(db: Db, organisationId: string, closedBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('responses')
    .where('round_id', 'in', db.selectFrom('rounds').select('id').where('organisation_id', '=', organisationId).where('closes_on', '<', closedBefore))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/*
 * Bulk loads that bypass the respondent flow (imports, the demo); the caller rebuilds the tallies.
 */

/** Inserts complete responses in statements of 50 rows. */
export async function insertResponses(db: Db, responses: ResponseTable[]): Promise<void> {
  for (let i = 0; i < responses.length; i += 50)
    await db
      .insertInto('responses')
      .values(responses.slice(i, i + 50))
      .execute();
}

/**
 * Rows per statement, kept under SQLite's and PostgreSQL's limits on bound parameters
 * (11 × 500 and 6 × 1,000), and large enough that 100,000 responses take seconds, not minutes.
 */
export const RESPONSE_BATCH = 500;
export const ANSWER_BATCH = 1000;

type Tables = { responses: ResponseTable; answers: AnswerTable };

/**
 * Inserts rows of one table in full batches. Building a statement of 6,000 parameters costs more
 * than running it, so the SQL text Kysely made for the first full batch is kept and used again
 * with the next batches' values (only once its parameters were checked to come in column order).
 */
export class BatchInsert<T extends keyof Tables> {
  #sql: string | undefined;

  constructor(
    private readonly table: T,
    private readonly size: number,
  ) {}

  async insert(db: Db, rows: Tables[T][]): Promise<void> {
    for (let i = 0; i < rows.length; i += this.size) {
      const batch = rows.slice(i, i + this.size);
      const columns = Object.keys(batch[0] ?? {}) as (keyof Tables[T])[];
      const values = () => batch.flatMap((row) => columns.map((c) => row[c] as unknown));
      if (this.#sql && batch.length === this.size) {
        await db.executeQuery(CompiledQuery.raw(this.#sql, values()));
        continue;
      }
      // `never`: Kysely cannot narrow the row type of a generic table; the rows are Tables[T].
      const compiled = db
        .insertInto(this.table)
        .values(batch as never)
        .compile();
      if (batch.length === this.size && sameValues(compiled.parameters, values())) this.#sql = compiled.sql;
      await db.executeQuery(compiled);
    }
  }
}

const sameValues = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
