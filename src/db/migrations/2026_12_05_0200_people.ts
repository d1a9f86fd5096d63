import { type Kysely, sql } from 'kysely';

/**
 * Two facts about people that must not change afterwards:
 * - the name a signer had when signing a charter version (a signature shows the name as it was,
 *   not a later rename); existing signatures get the current name, the best that is known;
 * - who added someone to a team: a membership a person made for themselves (self-join) does not
 *   open the team's team-only stories (see docs/privacy-of-authors.md). Existing memberships and
 *   ones made by the system (invitations, demo, CLI) have null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('charter_signatures').addColumn('signer_name', 'text').execute();
  await sql`update charter_signatures set signer_name = (select display_name from users where users.id = charter_signatures.user_id)`.execute(db);
  await db.schema.alterTable('team_members').addColumn('added_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('team_members').dropColumn('added_by').execute();
  await db.schema.alterTable('charter_signatures').dropColumn('signer_name').execute();
}
