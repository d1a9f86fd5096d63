import type { Kysely } from 'kysely';

/**
 * Qualitative coding: an organisation's codebook (own codes and codes taken from a framework),
 * coded segments of stories and reflections (character offsets plus the quoted text) and memos.
 * A segment keeps the id of the story it comes from, so every view can drop it at once when the
 * stories module says that story is no longer readable for research.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coding_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('coding_codes.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('framework_key', 'text')
    .addColumn('framework_code', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coding_codes_organisation_idx').on('coding_codes').column('organisation_id').execute();

  await db.schema
    .createTable('coding_segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('code_id', 'text', (c) => c.notNull().references('coding_codes.id').onDelete('cascade'))
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coding_segments_organisation_idx').on('coding_segments').columns(['organisation_id', 'code_id']).execute();
  await db.schema.createIndex('coding_segments_source_idx').on('coding_segments').columns(['source_kind', 'source_id']).execute();

  await db.schema
    .createTable('coding_memos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coding_memos_organisation_idx').on('coding_memos').columns(['organisation_id', 'target_kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['coding_memos', 'coding_segments', 'coding_codes']) await db.schema.dropTable(table).execute();
}
