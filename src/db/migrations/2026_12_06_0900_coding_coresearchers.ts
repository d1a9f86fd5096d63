import type { Kysely } from 'kysely';

/**
 * Members invited to code with the researchers (experience workers as co-researchers). A row stays
 * when the invitation ends (ended_at set), so the segments they coded keep their coder's place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coding_coresearchers')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('coding_coresearchers_pk', ['organisation_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('coding_coresearchers').execute();
}
