import type { Kysely } from 'kysely';

/**
 * Uploads per person, kind and clock hour, so a flood of photos or imports is refused whichever app
 * process receives it. Only signed-in people upload; the rows go with the account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('upload_counts')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('uploads', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('upload_counts_pk', ['user_id', 'kind', 'window_start'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('upload_counts').execute();
}
