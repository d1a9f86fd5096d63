import { type Kysely, sql } from 'kysely';

/**
 * An organisation's own frameworks (code lists), one immutable row per version, so an answer or a
 * coded story keeps pointing at the words it was given. Built-in frameworks are not stored: they
 * live in code (src/modules/frameworks/builtin.ts) and are versioned there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_nl', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('codes', 'text', (c) => c.notNull())
    .addColumn('extends_key', 'text')
    // Deleting a person must not be blocked by a framework they once saved.
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Also the index for "latest version of each key of an organisation".
    .addUniqueConstraint('frameworks_org_key_version_unique', ['organisation_id', 'key', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('frameworks').execute();
}
