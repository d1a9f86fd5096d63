import { type Db, inTransaction } from '../../db/database.ts';
import * as store from './store.ts';

/**
 * Deletes the oldest entries of a chain, up to the first one written at or after `before`, and keeps
 * the hash of the last deleted one as the chain's anchor: what remains still verifies from there.
 * Only a prefix is cut, so the chain never gets a hole. Returns how many entries were deleted.
 */
export async function pruneAuditChain(db: Db, chainKey: string, before: Date, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    await store.lockChainHead(trx, chainKey);
    const chain = await store.findChain(trx, chainKey);
    if (!chain) return 0;
    const anchorIndex = Number(chain.anchor_index);
    const first = await store.firstEntryFrom(trx, chainKey, anchorIndex, before.toISOString());
    const lastToDelete = first ? Number(first.chain_index) - 1 : Number(chain.head_index);
    if (lastToDelete <= anchorIndex) return 0;
    const last = await store.entryAt(trx, chainKey, lastToDelete);
    // A missing entry is tampering: leave the chain as it is so `audit verify` reports it.
    if (!last) return 0;
    const deleted = await store.deleteChainPrefix(trx, chainKey, anchorIndex, lastToDelete);
    await store.moveChainAnchor(trx, chainKey, { index: lastToDelete, hash: last.hash, at: now.toISOString() });
    return deleted;
  });
}
