import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { answersOfResponses, completeResponses } from '../rounds/answers.ts';
import type { ExportAnswerRow, ExportResponse } from './codebook.ts';

/**
 * Puts the round's complete responses in the export's order: md5 of the round id and the response id
 * (a keyed hash: the same order every time, unrelated to when people answered, even when response ids
 * are time-ordered). Returns how many cases there are.
 */
export async function prepareOrder(db: Db, exportId: string, roundId: string, now: string): Promise<number> {
  const cases = completeResponses(db).where('responses.round_id', '=', roundId);
  await sql`insert into export_orders (export_id, position, response_id, created_at)
    select ${exportId}, md5(${`${roundId}:`} || r.id), r.id, ${now} from ${cases} r`.execute(db);
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
    .innerJoin(completeResponses(db).as('r'), 'r.id', 'o.response_id')
    .select(['o.position', 'o.response_id', 'r.team_id', 'r.language'])
    .where('o.export_id', '=', exportId);
  // A row-value comparison, so both databases seek in the primary key instead of scanning from the start.
  if (after) query = query.where((eb) => eb(eb.refTuple('o.position', 'o.response_id'), '>', eb.tuple(after.position, after.responseId)));
  return query.orderBy('o.position').orderBy('o.response_id').limit(size).execute();
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
    for (const row of await answersOfResponses(
      db,
      page.map((p) => p.response_id),
    ))
      byResponse.get(row.response_id)?.push(row);
    yield page.map((p) => ({ teamId: p.team_id, language: p.language, answers: byResponse.get(p.response_id) ?? [] }));
    if (page.length < size) return;
  }
}

export const teamsOf = (db: Db, organisationId: string) =>
  db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').orderBy('id').execute();

export const organisationThreshold = async (db: Db, organisationId: string): Promise<number | undefined> =>
  (await db.selectFrom('organisations').select('disclosure_threshold').where('id', '=', organisationId).executeTakeFirst())?.disclosure_threshold;
