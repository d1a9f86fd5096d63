import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// A frozen copy of modules/audit/chain.ts as it was when this migration was written: a migration
// never runs live code, which may change after it (test/audit/migration.test.ts checks the result
// verifies with today's code).
const GENESIS_HASH = '0'.repeat(64);
const chainKeyOf = (organisationId: string | null): string => organisationId ?? 'global';
type ChainedEntry = {
  id: string;
  organisation_id: string | null;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: string;
  at: string;
  chain_key: string;
  chain_index: number;
  prev_hash: string;
};
function hashAuditEntry(e: ChainedEntry): string {
  const fields = [e.chain_key, e.chain_index, e.prev_hash, e.id, e.organisation_id, e.actor_user_id, e.action, e.subject_type, e.subject_id, e.details, e.at];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * A tamper-evident audit trail: every event carries the hash of the previous event of its chain
 * (one chain per organisation, one 'global' chain for events outside any organisation) and its
 * own hash. `audit_chains` holds each chain's head (what the last entry must be, so a removed
 * tail shows) and its anchor (the last entry that retention deleted, so the rest stays verifiable).
 * Existing events are chained in the order they were written, inside this migration, before the
 * unique index that makes a fork impossible is created.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('audit_events')
    .addColumn('chain_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('audit_events')
    .addColumn('chain_index', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('audit_events')
    .addColumn('prev_hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('audit_events')
    .addColumn('hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('audit_chains')
    .addColumn('chain_key', 'text', (c) => c.primaryKey())
    .addColumn('head_index', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('anchor_index', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('anchor_hash', 'text', (c) => c.notNull())
    .addColumn('anchored_at', 'text')
    .execute();

  const rows = await sql<{
    seq: number;
    id: string;
    organisation_id: string | null;
    actor_user_id: string | null;
    action: string;
    subject_type: string;
    subject_id: string;
    details: string;
    at: string;
  }>`select seq, id, organisation_id, actor_user_id, action, subject_type, subject_id, details, at from audit_events order by seq`.execute(db);
  const heads = new Map<string, { index: number; hash: string }>();
  for (const row of rows.rows) {
    const chainKey = chainKeyOf(row.organisation_id);
    const previous = heads.get(chainKey) ?? { index: 0, hash: GENESIS_HASH };
    const chained = { ...row, chain_key: chainKey, chain_index: previous.index + 1, prev_hash: previous.hash };
    const hash = hashAuditEntry(chained);
    await sql`update audit_events set chain_key = ${chainKey}, chain_index = ${chained.chain_index}, prev_hash = ${previous.hash}, hash = ${hash} where seq = ${row.seq}`.execute(
      db,
    );
    heads.set(chainKey, { index: chained.chain_index, hash });
  }
  for (const [chainKey, head] of heads) {
    await sql`insert into audit_chains (chain_key, head_index, head_hash, anchor_index, anchor_hash) values (${chainKey}, ${head.index}, ${head.hash}, 0, ${GENESIS_HASH})`.execute(
      db,
    );
  }
  await db.schema.createIndex('audit_events_chain_idx').on('audit_events').columns(['chain_key', 'chain_index']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_chain_idx').execute();
  await db.schema.dropTable('audit_chains').execute();
  for (const column of ['hash', 'prev_hash', 'chain_index', 'chain_key']) await db.schema.alterTable('audit_events').dropColumn(column).execute();
}
