import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import { arrayRowTexts, type Db, EACH_ROW } from '../../db/database.ts';
import type { AnswerTable, ResponseTable, RoundLinkTable, RoundTable } from '../../db/tables/rounds.ts';

export const insertRound = (db: Db, round: RoundTable) => db.insertInto('rounds').values(round).execute();
export const insertLinks = (db: Db, links: RoundLinkTable[]) => (links.length ? db.insertInto('round_links').values(links).execute() : Promise.resolve());

export const findRound = (db: Db, organisationId: string, roundId: string) =>
  db.selectFrom('rounds').selectAll().where('id', '=', roundId).where('organisation_id', '=', organisationId).executeTakeFirst();

/** The keys of the organisation's rounds that start with `prefix` (to choose a free one). */
export async function roundKeysLike(db: Db, organisationId: string, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('rounds').select('key').where('organisation_id', '=', organisationId).where('key', 'like', `${prefix}%`).execute();
  return rows.flatMap((r) => (r.key === null ? [] : [r.key]));
}

export const findRoundByKey = (db: Db, organisationId: string, key: string) =>
  db.selectFrom('rounds').selectAll().where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirst();

export const listRounds = (db: Db, organisationId: string) =>
  db.selectFrom('rounds').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute();

export const updateRound = (
  db: Db,
  roundId: string,
  changes: Partial<
    Pick<RoundTable, 'results_shared' | 'results_shared_from' | 'results_audience' | 'results_token' | 'closes_on' | 'status' | 'open_text_export'>
  >,
) => db.updateTable('rounds').set(changes).where('id', '=', roundId).execute();

/** Responses per round: complete ones, and all that were started (drafts included). */
export async function countResponsesByRound(db: Db, roundIds: string[]): Promise<Map<string, { complete: number; started: number }>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('responses')
    .select(['round_id', sql<number>`sum(case when status = 'complete' then 1 else 0 end)`.as('complete'), sql<number>`count(*)`.as('started')])
    .where('round_id', 'in', roundIds)
    .groupBy('round_id')
    .execute();
  return new Map(rows.map((r) => [r.round_id, { complete: Number(r.complete), started: Number(r.started) }]));
}

export const listLinks = (db: Db, roundId: string) =>
  db
    .selectFrom('round_links')
    .leftJoin('teams', 'teams.id', 'round_links.team_id')
    .leftJoin('responses', (join) => join.onRef('responses.link_id', '=', 'round_links.id').on('responses.status', '=', 'complete'))
    .select(['round_links.id', 'round_links.team_id', 'round_links.token', 'teams.name as team_name', sql<number>`count(responses.id)`.as('responses')])
    .where('round_links.round_id', '=', roundId)
    .groupBy(['round_links.id', 'round_links.team_id', 'round_links.token', 'teams.name', 'round_links.created_at'])
    // The organisation-wide link first, then the teams by name.
    .orderBy(sql`case when round_links.team_id is null then 0 else 1 end`)
    .orderBy('teams.name')
    .execute();

/** Everything a respondent's page needs from one token, in one query. */
const linkWithRound = (db: Db) =>
  db
    .selectFrom('round_links')
    .innerJoin('rounds', 'rounds.id', 'round_links.round_id')
    .innerJoin('organisations', 'organisations.id', 'rounds.organisation_id')
    .leftJoin('teams', 'teams.id', 'round_links.team_id')
    .select([
      'round_links.id as link_id',
      'round_links.team_id',
      'rounds.id as round_id',
      'rounds.name as round_name',
      'rounds.instrument_version_id',
      'rounds.closes_on',
      'rounds.status',
      'rounds.open_text_export',
      'rounds.organisation_id',
      'organisations.name as organisation_name',
      'organisations.disclosure_threshold',
      'teams.name as team_name',
    ]);

export const findLinkByToken = (db: Db, token: string) => linkWithRound(db).where('round_links.token', '=', token).executeTakeFirst();

/** The link a personal invitation opens. */
export const findLinkById = (db: Db, linkId: string) => linkWithRound(db).where('round_links.id', '=', linkId).executeTakeFirst();

export const findResponse = (db: Db, responseId: string) => db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirst();

export const findResponseByResumeCode = (db: Db, codeHash: string) =>
  db.selectFrom('responses').selectAll().where('resume_code_hash', '=', codeHash).executeTakeFirst();

export const insertResponse = (db: Db, response: ResponseTable) => db.insertInto('responses').values(response).execute();

export const updateResponse = (db: Db, responseId: string, changes: Partial<Omit<ResponseTable, 'id'>>) =>
  db.updateTable('responses').set(changes).where('id', '=', responseId).execute();

export const answersOf = (db: Db, responseId: string) =>
  db.selectFrom('answers').select(['question', 'item', 'option', 'number_value', 'text_value']).where('response_id', '=', responseId).execute();

/** A draft as the form reads it on every page: the response's owner and state, and its answer rows. */
export type DraftRows = {
  response: { round_id: string; owner_hash: string | null; status: string; language: string };
  answers: { question: string; item: string | null; option: string | null; number_value: number | null; text_value: string | null }[];
};

type DraftTuple = [string, string | null, string, string, string | null, string | null, string | null, number | null, string | null];
type AnswerTuple = [string, string | null, string | null, number | string | null, string | null];
const DRAFT_SQLITE =
  'select r.round_id, r.owner_hash, r.status, r.language, a.question, a.item, a.option, a.number_value, a.text_value ' +
  'from responses r left join answers a on a.response_id = r.id where r.id = ?';
/**
 * PostgreSQL: one row, its answers as one JSON array of arrays (parsed natively by JSON.parse) instead
 * of a row per answer that repeats the response's columns: a third less CPU per read for the server.
 */
const DRAFT_PG =
  'select r.round_id, r.owner_hash, r.status, r.language, ' +
  '(select json_agg(json_build_array(a.question, a.item, a.option, a.number_value, a.text_value)) from answers a where a.response_id = r.id) ' +
  'from responses r where r.id = $1';
arrayRowTexts.add(DRAFT_SQLITE);
arrayRowTexts.add(DRAFT_PG);

/**
 * The response and its answers in one statement (the form reads them on every page view and post);
 * its SQL text is written once per dialect, not through the query builder each time, and its rows
 * come as arrays (arrayRowTexts). Undefined: no such response.
 */
export async function draftRows(db: Db, responseId: string): Promise<DraftRows | undefined> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await db.executeQuery<[string, string | null, string, string, AnswerTuple[] | null]>(CompiledQuery.raw(DRAFT_PG, [responseId]));
    const row = rows[0];
    if (!row) return undefined;
    const answers: DraftRows['answers'] = [];
    // A float8 comes as a JSON number, or as a string when it is not finite ("NaN").
    for (const [question, item, option, number, text_value] of row[4] ?? [])
      answers.push({ question, item, option, number_value: number === null ? null : Number(number), text_value });
    return { response: { round_id: row[0], owner_hash: row[1], status: row[2], language: row[3] }, answers };
  }
  const { rows } = await db.executeQuery<DraftTuple>(CompiledQuery.raw(DRAFT_SQLITE, [responseId]));
  const first = rows[0];
  if (!first) return undefined;
  const answers: DraftRows['answers'] = [];
  // A response without answers comes back as one row with no question (the left join).
  for (const [, , , , question, item, option, number_value, text_value] of rows)
    if (question !== null) answers.push({ question, item, option, number_value, text_value });
  return { response: { round_id: first[0], owner_hash: first[1], status: first[2], language: first[3] }, answers };
}

const deleteTexts = new Map<string, string>();

/** A page's earlier answers, dropped before its new ones go in (once per posted page): SQL text written once per dialect and count. */
export async function deleteAnswers(db: Db, responseId: string, questions: string[]): Promise<void> {
  if (questions.length === 0) return;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = `${postgres ? 'pg' : 'sqlite'}:${questions.length}`;
  let text = deleteTexts.get(key);
  if (!text) {
    const list = questions.map((_, i) => (postgres ? `$${i + 2}` : '?')).join(', ');
    text = `delete from answers where response_id = ${postgres ? '$1' : '?'} and question in (${list})`;
    if (deleteTexts.size < 1000) deleteTexts.set(key, text);
  }
  await db.executeQuery(CompiledQuery.raw(text, [responseId, ...questions]));
}

const ANSWER_COLUMNS = ['response_id', 'question', 'item', 'option', 'number_value', 'text_value'] as const;
const CHUNK = 150;
/** The hottest statement of the platform (one per submitted page or batch of responses), its text made once. */
const INSERT_ANSWER_EACH_ROW = `${EACH_ROW}insert into answers (${ANSWER_COLUMNS.join(', ')}) values (${ANSWER_COLUMNS.map(() => '?').join(', ')})`;

/**
 * PostgreSQL: every row in one statement of six array parameters, whatever the count: one round trip
 * in the transaction instead of one per 150 rows, and a statement parsed once (not thousands of
 * placeholders each time).
 */
const INSERT_ANSWERS_UNNEST = `insert into answers (${ANSWER_COLUMNS.join(', ')}) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[])`;
/** Rows per statement of arrays (a bulk load of a large round is still sent in parts). */
const UNNEST_CHUNK = 10_000;

export async function insertAnswers(db: Db, rows: AnswerTable[]): Promise<void> {
  if (rows.length === 0) return;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (let i = 0; i < rows.length; i += UNNEST_CHUNK) await insertAnswersAsArrays(db, rows.slice(i, i + UNNEST_CHUNK));
    return;
  }
  // SQLite: one prepared statement of one row, run for each row (cheaper than multi-row inserts there).
  const parameters = rows.flatMap((r) => [r.response_id, r.question, r.item, r.option, r.number_value, r.text_value]);
  await db.executeQuery(CompiledQuery.raw(INSERT_ANSWER_EACH_ROW, parameters));
}

/** The rows as one array per column, in the order of ANSWER_COLUMNS (PostgreSQL's unnest). */
function answerColumns(rows: AnswerTable[]): unknown[][] {
  const columns: unknown[][] = ANSWER_COLUMNS.map(() => []);
  for (const r of rows)
    ANSWER_COLUMNS.forEach((name, i) => {
      columns[i]?.push(r[name]);
    });
  return columns;
}

async function insertAnswersAsArrays(db: Db, rows: AnswerTable[]): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(INSERT_ANSWERS_UNNEST, answerColumns(rows)));
}

/**
 * PostgreSQL: a page's earlier answers dropped and its new ones added in one statement, one round
 * trip instead of two. Every part of a statement sees the table as it was when the statement began,
 * so the delete never removes a row the same statement adds.
 */
const REPLACE_ANSWERS_PG =
  `with gone as (delete from answers where response_id = $1 and question = any($2::text[])) ` +
  `insert into answers (${ANSWER_COLUMNS.join(', ')}) select $1, * from unnest($3::text[], $4::text[], $5::text[], $6::float8[], $7::text[])`;

/**
 * A posted page's answers in place of its earlier ones (`questions`: the page's and any now hidden),
 * all or nothing: one statement on PostgreSQL, else a delete and inserts inside a transaction (the
 * caller's, or one of their own when called on the database itself).
 */
export async function replaceAnswers(db: Db, responseId: string, questions: string[], rows: AnswerTable[]): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter && rows.length <= UNNEST_CHUNK) {
    // Every column but the first (response_id: $1 for every row).
    await db.executeQuery(CompiledQuery.raw(REPLACE_ANSWERS_PG, [responseId, questions, ...answerColumns(rows).slice(1)]));
    return;
  }
  const replace = async (trx: Db) => {
    await deleteAnswers(trx, responseId, questions);
    await insertAnswers(trx, rows);
  };
  if (db.isTransaction) await replace(db);
  else await db.transaction().execute(replace);
}

const RESPONSE_COLUMNS = [
  'id',
  'round_id',
  'link_id',
  'team_id',
  'instrument_version_id',
  'language',
  'consent_version',
  'status',
  'started_on',
  'submitted_on',
  'resume_code_hash',
  'resume_page',
  'owner_hash',
  'tally_hashes',
] as const;
const insertResponseTexts = new Map<string, string>();

/** The insert of `count` responses that skips existing ids and returns the new ones; its text made once per dialect and count. */
function insertResponsesSql(postgres: boolean, count: number): string {
  const key = `${postgres ? 'pg' : 'sqlite'}:${count}`;
  const cached = insertResponseTexts.get(key);
  if (cached) return cached;
  let n = 0;
  const placeholder = () => (postgres ? `$${++n}` : '?');
  const values = Array.from({ length: count }, () => `(${RESPONSE_COLUMNS.map(placeholder).join(', ')})`).join(', ');
  const text = `insert into responses (${RESPONSE_COLUMNS.join(', ')}) values ${values} on conflict (id) do nothing returning id`;
  if (insertResponseTexts.size < 1000) insertResponseTexts.set(key, text);
  return text;
}

/** Inserts each response unless one with its id exists; the ids this call created. */
export async function insertResponsesIfNew(db: Db, responses: ResponseTable[]): Promise<string[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const created: string[] = [];
  for (let i = 0; i < responses.length; i += CHUNK) {
    const chunk = responses.slice(i, i + CHUNK);
    const parameters = chunk.flatMap((r) => RESPONSE_COLUMNS.map((c) => r[c] ?? null));
    const { rows } = await db.executeQuery<{ id: string }>(CompiledQuery.raw(insertResponsesSql(postgres, chunk.length), parameters));
    created.push(...rows.map((r) => r.id));
  }
  return created;
}

/**
 * Open answers (short and long text questions: no option, no item) of complete responses in the
 * organisation's rounds whose consent text said open answers go to the researchers.
 */
export const researchOpenAnswers = (db: Db, organisationId: string, only?: { responseId: string; question: string }) => {
  let query = db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .innerJoin('rounds', 'rounds.id', 'responses.round_id')
    .select([
      'rounds.id as round_id',
      'rounds.name as round_name',
      'responses.id as response_id',
      'responses.submitted_on',
      'answers.question',
      'answers.text_value',
    ])
    .where('rounds.organisation_id', '=', organisationId)
    .where('rounds.open_text_export', '=', 1)
    .where('responses.status', '=', 'complete')
    .where('answers.option', 'is', null)
    .where('answers.item', 'is', null)
    .where('answers.text_value', 'is not', null);
  if (only) query = query.where('answers.response_id', '=', only.responseId).where('answers.question', '=', only.question);
  return query.orderBy('rounds.created_at').orderBy('rounds.id').orderBy('responses.id').orderBy('answers.question').execute();
};
/** Open rounds with a link for one of the person's teams, with that link's token. */
export const openRoundsForTeamsOf = (db: Db, organisationId: string, userId: string, today: string) =>
  db
    .selectFrom('rounds as r')
    .innerJoin('round_links as l', 'l.round_id', 'r.id')
    .innerJoin('team_members as tm', (join) => join.onRef('tm.team_id', '=', 'l.team_id').on('tm.user_id', '=', userId))
    .select(['r.id', 'r.name', 'r.closes_on', 'l.token'])
    .where('r.organisation_id', '=', organisationId)
    .where('r.status', '=', 'open')
    .where('r.closes_on', '>=', today)
    .orderBy('r.closes_on')
    .execute();

/** Whom each round asked: its links' teams (null: the whole organisation), without tokens or counts. */
export const linkScopes = (db: Db, roundIds: string[]) =>
  roundIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('round_links')
        .leftJoin('teams', 'teams.id', 'round_links.team_id')
        .select(['round_links.round_id', 'round_links.team_id', 'teams.name as team_name'])
        .where('round_links.round_id', 'in', roundIds)
        .execute();

export const teamIdsOf = async (db: Db, userId: string) =>
  (await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute()).map((r) => r.team_id);
/** Every response of a round, with its answers (they cascade): for a round whose responses are replaced as a whole. */
export const deleteResponsesOfRound = (db: Db, roundId: string) => db.deleteFrom('responses').where('round_id', '=', roundId).execute();
