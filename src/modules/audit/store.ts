import { PostgresAdapter } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AuditEventTable } from '../../db/schema.ts';
import { GENESIS_HASH } from './chain.ts';

export const insertAuditEvent = (db: Db, event: Omit<AuditEventTable, 'seq'>) => db.insertInto('audit_events').values(event).execute();

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The chain's head, locked until the caller's transaction ends so two writers never append to the
 * same head (PostgreSQL: a row lock; SQLite: transactions already run one at a time).
 */
export async function lockChainHead(db: Db, chainKey: string): Promise<{ head_index: number; head_hash: string }> {
  await db
    .insertInto('audit_chains')
    .values({ chain_key: chainKey, head_index: 0, head_hash: GENESIS_HASH, anchor_index: 0, anchor_hash: GENESIS_HASH, anchored_at: null })
    .onConflict((oc) => oc.column('chain_key').doNothing())
    .execute();
  return db
    .selectFrom('audit_chains')
    .select(['head_index', 'head_hash'])
    .where('chain_key', '=', chainKey)
    .$if(isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
}

export const moveChainHead = (db: Db, chainKey: string, head: { index: number; hash: string }) =>
  db.updateTable('audit_chains').set({ head_index: head.index, head_hash: head.hash }).where('chain_key', '=', chainKey).execute();

export const listChains = (db: Db) => db.selectFrom('audit_chains').selectAll().orderBy('chain_key').execute();

export const chainKeysInEvents = async (db: Db) => (await db.selectFrom('audit_events').select('chain_key').distinct().execute()).map((r) => r.chain_key);

/** One page of a chain's entries in chain order (then seq), after the given place, with every column the hash covers. */
export const chainPage = (db: Db, chainKey: string, after: { index: number; seq: number }, limit: number) =>
  db
    .selectFrom('audit_events')
    .select([
      'seq',
      'id',
      'organisation_id',
      'actor_user_id',
      'action',
      'subject_type',
      'subject_id',
      'details',
      'at',
      'chain_key',
      'chain_index',
      'prev_hash',
      'hash',
    ])
    .where('chain_key', '=', chainKey)
    .where((eb) => eb.or([eb('chain_index', '>', after.index), eb.and([eb('chain_index', '=', after.index), eb('seq', '>', after.seq)])]))
    .orderBy('chain_index')
    .orderBy('seq')
    .limit(limit)
    .execute();

export function listAuditEvents(db: Db, organisationId: string, options: { limit: number; before?: number | undefined }) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .select([
      'audit_events.id',
      'audit_events.seq',
      'audit_events.at',
      'audit_events.action',
      'audit_events.subject_type',
      'audit_events.subject_id',
      'audit_events.actor_user_id',
      'audit_events.details',
      'users.display_name as actor_name',
    ])
    .where('audit_events.organisation_id', '=', organisationId);
  if (options.before !== undefined) query = query.where('audit_events.seq', '<', options.before);
  return query.orderBy('audit_events.seq', 'desc').limit(options.limit).execute();
}

/** The first entry of the chain (after its anchor) written at or after `at`, or none. */
export const firstEntryFrom = (db: Db, chainKey: string, afterIndex: number, at: string) =>
  db
    .selectFrom('audit_events')
    .select('chain_index')
    .where('chain_key', '=', chainKey)
    .where('chain_index', '>', afterIndex)
    .where('at', '>=', at)
    .orderBy('chain_index')
    .limit(1)
    .executeTakeFirst();

export const entryAt = (db: Db, chainKey: string, index: number) =>
  db.selectFrom('audit_events').select('hash').where('chain_key', '=', chainKey).where('chain_index', '=', index).executeTakeFirst();

export async function deleteChainPrefix(db: Db, chainKey: string, fromIndex: number, toIndex: number): Promise<number> {
  const result = await db
    .deleteFrom('audit_events')
    .where('chain_key', '=', chainKey)
    .where('chain_index', '>', fromIndex)
    .where('chain_index', '<=', toIndex)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const moveChainAnchor = (db: Db, chainKey: string, anchor: { index: number; hash: string; at: string }) =>
  db
    .updateTable('audit_chains')
    .set({ anchor_index: anchor.index, anchor_hash: anchor.hash, anchored_at: anchor.at })
    .where('chain_key', '=', chainKey)
    .execute();

export const findChain = (db: Db, chainKey: string) => db.selectFrom('audit_chains').selectAll().where('chain_key', '=', chainKey).executeTakeFirst();

export const entriesOutsideChain = (db: Db, organisationId: string) =>
  db.selectFrom('audit_events').select(['seq', 'chain_index']).where('organisation_id', '=', organisationId).where('chain_key', '<>', organisationId).execute();
