import type { Kysely } from 'kysely';

/**
 * A meeting's prompts linked to a question of a published instrument can be stored as a round of that
 * instrument. Each participant is asked once on their phone: their choice and the version of the text
 * they read are kept on the participant row (null: not asked yet). `meeting_rounds` remembers which
 * round holds a meeting's answers for which instrument version, so finishing again replaces them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('meeting_participants').addColumn('round_consent', 'text').execute();
  await db.schema.alterTable('meeting_participants').addColumn('round_consent_version', 'text').execute();
  await db.schema
    .createTable('meeting_rounds')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('instrument_version_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('meeting_rounds_pk', ['meeting_id', 'instrument_version_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meeting_rounds').execute();
  await db.schema.alterTable('meeting_participants').dropColumn('round_consent_version').execute();
  await db.schema.alterTable('meeting_participants').dropColumn('round_consent').execute();
}
