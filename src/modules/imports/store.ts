import type { Db } from '../../db/database.ts';

/** The round an import goes into; by id alone for the command line, which acts for no organisation. */
export function findRound(db: Db, roundId: string, organisationId?: string) {
  let query = db.selectFrom('rounds').select(['id', 'organisation_id', 'instrument_version_id', 'name']).where('id', '=', roundId);
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
  return query.executeTakeFirst();
}

export const listLinks = (db: Db, roundId: string) =>
  db
    .selectFrom('round_links')
    .leftJoin('teams', 'teams.id', 'round_links.team_id')
    .select(['round_links.id', 'round_links.team_id', 'teams.name as team_name'])
    .where('round_links.round_id', '=', roundId)
    .execute();
