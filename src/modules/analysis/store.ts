import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { chosenOption, orderedList } from '../rounds/tallies.ts';
import * as tallies from './tally-store.ts';

/**
 * Aggregation for In beeld, in SQL on SQLite and PostgreSQL alike; no response is ever loaded into
 * Node. A scope without answer filters reads the per-round tallies kept at submission
 * (tally-store.ts); a scope with answer filters groups the `answers` rows of complete `responses`.
 *
 * Missing marker: for a multiple-choice question asked as yes/no per option, a respondent who left
 * one option blank has a row `option = <key>`, `text_value = '_missing'` (see rounds/tables.ts).
 * Markers are never counted as choices; they lower that option's own valid n.
 */
export const MISSING_MARKER = '_missing';

export type AnswerFilter = { question: string; option: string };

/** Which complete responses a query counts: round(s) of one organisation, optionally one team and answer filters. */
export type Scope = {
  organisationId: string;
  roundIds: string[];
  teamId?: string | undefined;
  answers: AnswerFilter[];
};

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
          // A "missing for this option" marker is not a choice of that option.
          .where((w) => w.or([w('f.text_value', 'is', null), w('f.text_value', '<>', MISSING_MARKER)])),
      ),
    ),
  ]);

/** 1 for a missing marker row, else 0 (literals, not parameters, so PostgreSQL can group by it). */
const markerExpression = sql<number>`case when answers.text_value = ${sql.lit(MISSING_MARKER)} and answers.option is not null and answers.option <> ${sql.lit('_other')} then 1 else 0 end`;

/** Complete responses in scope. */
export async function countResponses(db: Db, scope: Scope): Promise<number> {
  const row = await db.selectFrom('responses').select(sql<number>`count(*)`.as('n')).where(inScope(scope)).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One group of answer rows: respondents per question × item × option × value (and whether these are missing markers). */
export type ValueCount = { question: string; item: string | null; option: string | null; value: number | null; marker: boolean; count: number };

/** Every answer in scope, counted per question, item, option and value. Text answers count as one group per question. */
export const valueCounts = (db: Db, scope: Scope): Promise<ValueCount[]> =>
  scope.answers.length === 0 ? tallies.valueCounts(db, scope) : valueCountsFromAnswers(db, scope);

/** valueCounts by grouping the answer rows themselves (any scope). */
export async function valueCountsFromAnswers(db: Db, scope: Scope): Promise<ValueCount[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select([
      'answers.question',
      'answers.item',
      'answers.option',
      'answers.number_value',
      markerExpression.as('marker'),
      // Answer rows are unique per response × question × item × option by construction (see
      // rounds/respondent.ts and imports), so count(*) counts respondents without a DISTINCT sort.
      sql<number>`count(*)`.as('n'),
    ])
    .where(inScope(scope))
    .groupBy(['answers.question', 'answers.item', 'answers.option', 'answers.number_value', markerExpression])
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
export async function answeredCounts(db: Db, scope: Scope, multipleChoice: string[]): Promise<Map<string, number>> {
  if (multipleChoice.length === 0) return new Map();
  return scope.answers.length === 0 ? tallies.answeredCounts(db, scope, multipleChoice) : answeredCountsFromAnswers(db, scope, multipleChoice);
}

/** answeredCounts by grouping the answer rows themselves (any scope). */
export async function answeredCountsFromAnswers(db: Db, scope: Scope, multipleChoice: string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.question', 'answers.item', sql<number>`count(distinct answers.response_id)`.as('n')])
    .where(inScope(scope))
    .where('answers.question', 'in', multipleChoice)
    .groupBy(['answers.question', 'answers.item'])
    .execute();
  return new Map(rows.map((r) => [answeredKey(r.question, r.item), Number(r.n)]));
}

/**
 * Every other question has one row per respondent (and item), so its answered count is the sum of
 * its value counts: no second pass over the answers is needed.
 */
export function answeredFromValues(values: ValueCount[], multipleChoice: ReadonlySet<string>): Map<string, number> {
  const answered = new Map<string, number>();
  for (const v of values) {
    if (multipleChoice.has(v.question)) continue;
    const key = answeredKey(v.question, v.item);
    answered.set(key, (answered.get(key) ?? 0) + v.count);
  }
  return answered;
}

export const answeredKey = (question: string, item: string | null) => (item === null ? question : `${question}.${item}`);

/**
 * A leaf condition SQL can evaluate: an earlier choice question answered with one of these options,
 * or a question answered at all. `shape` says how the question is stored: `choice` (single or
 * multiple choice), `one-row` (one row per respondent: scale, number, text), `many-rows` (a matrix).
 */
export type SqlCondition = { question: string; shape: 'choice' | 'one-row' | 'many-rows' } & ({ options: string[] } | { answered: true });

/** Complete responses in scope for which the condition held (the respondents a follow-up question was shown to). */
export const countWhere = (db: Db, scope: Scope, condition: SqlCondition): Promise<number> =>
  scope.answers.length === 0 && condition.shape !== 'many-rows' ? tallies.countWhere(db, scope, condition) : countWhereFromAnswers(db, scope, condition);

/** countWhere by looking at the answer rows themselves (any scope). */
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

/** Respondents per set of options chosen on a question (sorted option keys). */
export type ChoiceSetCount = { options: string[]; count: number };

/** Respondents per combination of chosen options (up to two; `chosen` > 2 is one group per first/last pair). */
export type CombinationCount = { first: string; last: string; chosen: number; count: number };

/** What each respondent chose on a multiple-choice question, as a combination: the first and last option key (code-point order) and the number chosen. */
export function combinationsOf(sets: ChoiceSetCount[]): CombinationCount[] {
  const combinations = new Map<string, CombinationCount>();
  for (const set of sets) {
    const options = [...set.options].sort();
    const first = options[0] ?? '';
    const last = options.at(-1) ?? '';
    const key = `${first} ${last} ${options.length}`;
    const existing = combinations.get(key);
    if (existing) existing.count += set.count;
    else combinations.set(key, { first, last, chosen: options.length, count: set.count });
  }
  return [...combinations.values()];
}

export const splitOptions = (key: string): string[] => (key === '' ? [] : key.split(' '));

export const combinationCounts = async (db: Db, scope: Scope, question: string): Promise<CombinationCount[]> =>
  combinationsOf(scope.answers.length === 0 ? await tallies.choiceSets(db, scope, question) : await choiceSetsFromAnswers(db, scope, question));

/** Respondents per set of options chosen on the question, from the answer rows themselves (any scope). */
export async function choiceSetsFromAnswers(db: Db, scope: Scope, question: string): Promise<ChoiceSetCount[]> {
  const chosen = db
    .selectFrom('answers as a')
    .innerJoin('responses', 'responses.id', 'a.response_id')
    .select(['a.response_id', 'a.option'])
    .distinct()
    .where(inScope(scope))
    .where('a.question', '=', question)
    .where(chosenOption);
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

export const findOrganisationThreshold = async (db: Db, organisationId: string): Promise<number | undefined> =>
  (await db.selectFrom('organisations').select('disclosure_threshold').where('id', '=', organisationId).executeTakeFirst())?.disclosure_threshold;

export const findRound = (db: Db, organisationId: string, roundId: string) =>
  db.selectFrom('rounds').selectAll().where('id', '=', roundId).where('organisation_id', '=', organisationId).executeTakeFirst();

/** Rounds with this key, in any organisation (the command line names a round by key), with the organisation's name. */
export const roundsByKey = (db: Db, key: string) =>
  db
    .selectFrom('rounds')
    .innerJoin('organisations', 'organisations.id', 'rounds.organisation_id')
    .selectAll('rounds')
    .select(['organisations.name as organisation_name'])
    .where('rounds.key', '=', key)
    .execute();

export const teamInOrganisation = async (db: Db, organisationId: string, teamId: string): Promise<boolean> =>
  (await db.selectFrom('teams').select('id').where('id', '=', teamId).where('organisation_id', '=', organisationId).executeTakeFirst()) !== undefined;

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
    .select(['answers.option', markerExpression.as('marker'), sql<number>`count(distinct answers.response_id)`.as('n')])
    .where(inScope(scope))
    .where('answers.question', '=', question)
    .groupBy(['answers.option', markerExpression])
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
        .select(['answers.response_id', 'answers.question', 'answers.option', markerExpression.as('marker')])
        .where(inScope(scope))
        .where('answers.question', 'in', questions)
        .execute()
    : [];
  return {
    responses: responses.map((r) => ({ id: r.id, teamId: r.team_id })),
    rows: rows.map((r) => ({ responseId: r.response_id, question: r.question, option: r.option, marker: Number(r.marker) === 1 })),
  };
}

export const teamIdsOf = async (db: Db, organisationId: string): Promise<string[]> =>
  (await db.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).orderBy('id').execute()).map((t) => t.id);

/** The organisation's rounds, oldest first (for round-to-round trends). */
export const roundsOfOrganisation = (db: Db, organisationId: string) =>
  db.selectFrom('rounds').selectAll().where('organisation_id', '=', organisationId).orderBy('closes_on').orderBy('created_at').execute();
