import { type Kysely, sql } from 'kysely';

/**
 * Survey instruments of an organisation and their versions. A version is a JSON definition; once
 * published it never changes (answers point at it), so editing a published instrument starts a new
 * draft. The database itself keeps an instrument to one draft at a time (a partial unique index).
 * Built-in instruments are not stored: they live in code (src/modules/instruments/builtin/).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('instruments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title_nl', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    // Deleting a person must not be blocked by an instrument they once made.
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Also the index for listing an organisation's instruments.
    .addUniqueConstraint('instruments_org_key_unique', ['organisation_id', 'key'])
    .execute();

  await db.schema
    .createTable('instrument_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('instruments.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('resolved_definition', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    // A published version carries its resolved snapshot and its moment of publication.
    .addCheckConstraint('instrument_versions_published_complete', sql`status = 'draft' or (resolved_definition is not null and published_at is not null)`)
    .addUniqueConstraint('instrument_versions_instrument_version_unique', ['instrument_id', 'version'])
    .execute();

  await db.schema
    .createIndex('instrument_versions_one_draft')
    .unique()
    .on('instrument_versions')
    .column('instrument_id')
    .where(sql.ref('status'), '=', 'draft')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('instrument_versions').execute();
  await db.schema.dropTable('instruments').execute();
}
