import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AnswerTable, ResponseTable, RoundLinkTable, RoundTable } from './tables.ts';

export const insertRound = (db: Db, round: RoundTable) => db.insertInto('rounds').values(round).execute();
export const insertLinks = (db: Db, links: RoundLinkTable[]) => (links.length ? db.insertInto('round_links').values(links).execute() : Promise.resolve());

export const findRound = (db: Db, organisationId: string, roundId: string) =>
  db.selectFrom('rounds').selectAll().where('id', '=', roundId).where('organisation_id', '=', organisationId).executeTakeFirst();

export const listRounds = (db: Db, organisationId: string) =>
  db.selectFrom('rounds').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute();

export const updateRound = (db: Db, roundId: string, changes: Partial<Pick<RoundTable, 'closes_on' | 'status'>>) =>
  db.updateTable('rounds').set(changes).where('id', '=', roundId).execute();

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
export const findLinkByToken = (db: Db, token: string) =>
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
    ])
    .where('round_links.token', '=', token)
    .executeTakeFirst();

export const findResponse = (db: Db, responseId: string) => db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirst();

export const findResponseByResumeCode = (db: Db, codeHash: string) =>
  db.selectFrom('responses').selectAll().where('resume_code_hash', '=', codeHash).executeTakeFirst();

export const insertResponse = (db: Db, response: ResponseTable) => db.insertInto('responses').values(response).execute();

export const updateResponse = (db: Db, responseId: string, changes: Partial<Omit<ResponseTable, 'id'>>) =>
  db.updateTable('responses').set(changes).where('id', '=', responseId).execute();

export const answersOf = (db: Db, responseId: string) =>
  db.selectFrom('answers').select(['question', 'item', 'option', 'number_value', 'text_value']).where('response_id', '=', responseId).execute();

export const deleteAnswers = (db: Db, responseId: string, questions: string[]) =>
  questions.length ? db.deleteFrom('answers').where('response_id', '=', responseId).where('question', 'in', questions).execute() : Promise.resolve();

/** Batches keep each statement under SQLite's limit on bound parameters. */
export async function insertAnswers(db: Db, rows: AnswerTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 150)
    await db
      .insertInto('answers')
      .values(rows.slice(i, i + 150))
      .execute();
}
