import type { Kysely } from 'kysely';

/**
 * The order of the cases of one running export: a keyed hash per response (not the order of
 * answering), read back page by page (keyset), so an export of any size streams in short queries
 * that other requests can go between. Rows live only while their export runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('export_orders')
    .addColumn('export_id', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('export_orders_pk', ['export_id', 'position', 'response_id'])
    .execute();
  await db.schema.createIndex('export_orders_created_idx').on('export_orders').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('export_orders').execute();
}
