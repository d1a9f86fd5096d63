import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { MISSING_MARKER } from '../analysis/store.ts';
import type { ExportAnswerRow, ExportResponse } from './codebook.ts';

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Puts the round's complete responses in the export's order: md5 of the round id and the response id
 * (a keyed hash: the same order every time, unrelated to when people answered, even when response ids
 * are time-ordered). Returns how many cases there are.
 */
export async function prepareOrder(db: Db, exportId: string, roundId: string, now: string): Promise<number> {
  await sql`insert into export_orders (export_id, position, response_id, created_at)
    select ${exportId}, md5(${`${roundId}:`} || id), id, ${now} from responses where round_id = ${roundId} and status = 'complete'`.execute(db);
  const row = await db.selectFrom('export_orders').select(sql<number>`count(*)`.as('n')).where('export_id', '=', exportId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const dropOrder = (db: Db, exportId: string) => db.deleteFrom('export_orders').where('export_id', '=', exportId).execute();

/** Orders left by an export that never finished (the process stopped): removed once a day old. */
export const dropStaleOrders = (db: Db, before: string) => db.deleteFrom('export_orders').where('created_at', '<', before).execute();

type Cursor = { position: string; responseId: string };

/** One page of cases after the cursor (keyset pagination: each page is one short indexed query). */
export async function orderPage(db: Db, exportId: string, after: Cursor | null, size: number) {
  let query = db
    .selectFrom('export_orders as o')
    .innerJoin('responses as r', 'r.id', 'o.response_id')
    .select(['o.position', 'o.response_id', 'r.team_id', 'r.language'])
    .where('o.export_id', '=', exportId)
    .where('r.status', '=', 'complete');
  // A row-value comparison, so both databases seek in the primary key instead of scanning from the start.
  if (after) query = query.where((eb) => eb(eb.refTuple('o.position', 'o.response_id'), '>', eb.tuple(after.position, after.responseId)));
  return query.orderBy('o.position').orderBy('o.response_id').limit(size).execute();
}

export async function answersOf(db: Db, responseIds: string[]): Promise<(ExportAnswerRow & { response_id: string })[]> {
  if (responseIds.length === 0) return [];
  return db
    .selectFrom('answers')
    .select(['response_id', 'question', 'item', 'option', 'number_value', 'text_value'])
    .where('response_id', 'in', responseIds)
    .execute();
}

/** Pages of responses with their answers, in the export's order. */
export async function* responsePages(db: Db, exportId: string, size = 500): AsyncGenerator<ExportResponse[]> {
  let after: Cursor | null = null;
  for (;;) {
    const page = await orderPage(db, exportId, after, size);
    if (page.length === 0) return;
    const last = page[page.length - 1];
    if (last) after = { position: last.position, responseId: last.response_id };
    const byResponse = new Map<string, ExportAnswerRow[]>(page.map((p) => [p.response_id, []]));
    for (const row of await answersOf(
      db,
      page.map((p) => p.response_id),
    ))
      byResponse.get(row.response_id)?.push(row);
    yield page.map((p) => ({ teamId: p.team_id, language: p.language, answers: byResponse.get(p.response_id) ?? [] }));
    if (page.length < size) return;
  }
}

/** The longest stored text in bytes per `question` (open questions) and `question._other` (something else). */
export async function textWidths(db: Db, roundId: string): Promise<Map<string, number>> {
  const bytes = isPostgres(db) ? sql<number>`max(octet_length(answers.text_value))` : sql<number>`max(length(cast(answers.text_value as blob)))`;
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

export const teamsOf = (db: Db, organisationId: string) =>
  db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').orderBy('id').execute();

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

export const organisationThreshold = async (db: Db, organisationId: string): Promise<number | undefined> =>
  (await db.selectFrom('organisations').select('disclosure_threshold').where('id', '=', organisationId).executeTakeFirst())?.disclosure_threshold;
