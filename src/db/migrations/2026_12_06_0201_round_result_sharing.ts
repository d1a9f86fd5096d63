import type { Kysely } from 'kysely';

/**
 * Whether and when a round's results are shared with the people it asked (members of the
 * organisation, with small groups hidden), and with whom: members only, or also by a public link.
 * Existing rounds keep what members could already do: read the results with small groups hidden.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // now | after_closing | from_date | not
  await db.schema
    .alterTable('rounds')
    .addColumn('results_shared', 'text', (c) => c.notNull().defaultTo('now'))
    .execute();
  await db.schema.alterTable('rounds').addColumn('results_shared_from', 'text').execute();
  // members | public
  await db.schema
    .alterTable('rounds')
    .addColumn('results_audience', 'text', (c) => c.notNull().defaultTo('members'))
    .execute();
  // The public link's token (like a round link's, shown again to those who run rounds); null without a public link.
  await db.schema.alterTable('rounds').addColumn('results_token', 'text').execute();
  await db.schema.createIndex('rounds_results_token_idx').on('rounds').column('results_token').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('rounds_results_token_idx').execute();
  for (const column of ['results_token', 'results_audience', 'results_shared_from', 'results_shared'])
    await db.schema.alterTable('rounds').dropColumn(column).execute();
}
