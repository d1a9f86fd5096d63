import { type Kysely, sql } from 'kysely';

/**
 * Rounds get a short key (`voorjaar-2027`), unique within the organisation, so people and the command
 * line can name a round without its id. Existing rounds get their id as key. Also a round's
 * "published presentation": optional JSON that says how its report prints figures (decimals per
 * table or per row, combinations view), so a report can reproduce figures as they were published.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rounds').addColumn('key', 'text').execute();
  await db.schema.alterTable('rounds').addColumn('presentation', 'text').execute();
  await sql`update rounds set "key" = id where "key" is null`.execute(db);
  await db.schema.createIndex('rounds_organisation_key_idx').on('rounds').columns(['organisation_id', 'key']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('rounds_organisation_key_idx').execute();
  await db.schema.alterTable('rounds').dropColumn('presentation').execute();
  await db.schema.alterTable('rounds').dropColumn('key').execute();
}
