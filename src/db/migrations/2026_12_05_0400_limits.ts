import type { Kysely } from 'kysely';

/**
 * Rate limits shared by every app process (issue 12.2), and the browser a respondent's draft belongs
 * to (issue 12.1). Counter keys never hold an address, a token or an e-mail address: anonymous
 * clients are a keyed hash under a secret that rotates daily (limiter_secrets), accounts a hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_counters_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limit_counters_expiry').on('rate_limit_counters').column('expires_at').execute();
  await db.schema
    .createTable('limiter_secrets')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure', 'bigint', (c) => c.notNull())
    .addColumn('blocked_until', 'bigint', (c) => c.notNull())
    .execute();
  // A hash of the browser's secret and the response id: unlinkable between responses of one browser.
  await db.schema.alterTable('responses').addColumn('owner_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('owner_hash').execute();
  await db.schema.dropTable('sign_in_throttle').execute();
  await db.schema.dropTable('limiter_secrets').execute();
  await db.schema.dropTable('rate_limit_counters').execute();
}
