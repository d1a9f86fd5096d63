import type { Kysely } from 'kysely';

/**
 * How long each organisation keeps what (privacy/retention-model.ts has the defaults and limits).
 * An organisation without a row uses the defaults; the daily retention job reads both the same way.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('retention_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('raw_answers_days', 'integer', (c) => c.notNull())
    .addColumn('leaver_stories_days', 'integer', (c) => c.notNull())
    .addColumn('sessions_days', 'integer', (c) => c.notNull())
    .addColumn('logs_days', 'integer', (c) => c.notNull())
    .addColumn('audit_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retention_settings').execute();
}
