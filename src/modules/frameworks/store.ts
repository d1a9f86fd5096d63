import { sql } from 'kysely';
import type { Db, DialectName } from '../../db/database.ts';
import type { FrameworkTable } from '../../db/tables/frameworks.ts';

export const insertFramework = (db: Db, row: FrameworkTable) => db.insertInto('frameworks').values(row).execute();

export const findVersion = (db: Db, organisationId: string, key: string, version: number) =>
  db
    .selectFrom('frameworks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();

export const findLatest = (db: Db, organisationId: string, key: string) =>
  db
    .selectFrom('frameworks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

/** The latest version of every framework of the organisation, by key. */
export function listLatest(db: Db, organisationId: string) {
  const t = db;
  return t
    .selectFrom('frameworks as f')
    .selectAll('f')
    .where('f.organisation_id', '=', organisationId)
    .where((eb) =>
      eb(
        'f.version',
        '=',
        eb
          .selectFrom('frameworks as newer')
          .select((s) => s.fn.max('newer.version').as('max_version'))
          .whereRef('newer.organisation_id', '=', 'f.organisation_id')
          .whereRef('newer.key', '=', 'f.key'),
      ),
    )
    .orderBy('f.key')
    .execute();
}

/**
 * Makes saves of one framework key wait for each other until the transaction ends, so each
 * computes its next version on top of the last. SQLite needs nothing: BEGIN IMMEDIATE already
 * lets one writer in at a time.
 */
export async function lockKey(db: Db, dialect: DialectName, organisationId: string, key: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`frameworks/${organisationId}/${key}`}, 0))`.execute(db);
}
