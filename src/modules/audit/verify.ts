import type { Db } from '../../db/database.ts';
import * as store from './store.ts';
import { type ChainIssue, type StoredEntry, verifyChain } from './verify-chain.ts';

export type VerifyResult = { chains: number; entries: number; issues: ChainIssue[] };

const PAGE = 2000;

/** Checks every audit chain of the database (`audit verify`). Reads page by page; holds one chain at a time. */
export async function verifyAuditTrail(db: Db): Promise<VerifyResult> {
  const states = new Map((await store.listChains(db)).map((c) => [c.chain_key, c]));
  const keys = [...new Set([...states.keys(), ...(await store.chainKeysInEvents(db))])].sort();
  const issues: ChainIssue[] = [];
  let entries = 0;
  for (const key of keys) {
    const rows: StoredEntry[] = [];
    // Entries with index 0 or below the anchor are read too, so an entry slipped in there is found.
    for (let after = { index: -2_147_483_648, seq: 0 }; ; ) {
      const page = (await store.chainPage(db, key, after, PAGE)).map((r) => ({ ...r, seq: Number(r.seq), chain_index: Number(r.chain_index) }));
      rows.push(...page);
      const last = page.at(-1);
      if (!last || page.length < PAGE) break;
      after = { index: last.chain_index, seq: last.seq };
    }
    entries += rows.length;
    const state = states.get(key);
    issues.push(...verifyChain(key, rows, state && { ...state, head_index: Number(state.head_index), anchor_index: Number(state.anchor_index) }));
  }
  return { chains: keys.length, entries, issues };
}
