import type { Kysely } from 'kysely';

/**
 * Password self-service (issue 16): one-time reset links, stored only as a hash, valid for an hour,
 * used once; and the kind of device a session was started on ("Chrome/Android", never the whole
 * user agent), so a person can tell their sessions apart. Older sessions have no device.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();
  await db.schema.alterTable('sessions').addColumn('device', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('device').execute();
  await db.schema.dropTable('password_resets').execute();
}
