import type { Kysely } from 'kysely';

/**
 * A finished meeting's report can be attached to a trajectory as the record of a dialogue: the
 * moment it was attached (null: not attached). The trajectory is the meeting's `trajectory_id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('meetings').addColumn('record_attached_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('meetings').dropColumn('record_attached_at').execute();
}
