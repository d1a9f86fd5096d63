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
    const result = await verifyOneChain(db, key);
    entries += result.entries;
    issues.push(...result.issues);
  }
  return { chains: keys.length, entries, issues };
}

/** One organisation's chain, and any entry of the organisation written outside it (reported as inserted). */
export async function verifyOrganisationChain(db: Db, organisationId: string): Promise<VerifyResult> {
  const result = await verifyOneChain(db, organisationId);
  const strays = await store.entriesOutsideChain(db, organisationId);
  const issues = [
    ...result.issues,
    ...strays.map(
      (e): ChainIssue => ({ kind: 'inserted', chainKey: organisationId, fromIndex: Number(e.chain_index), toIndex: Number(e.chain_index), seq: Number(e.seq) }),
    ),
  ];
  return { chains: 1, entries: result.entries + strays.length, issues };
}

async function verifyOneChain(db: Db, key: string): Promise<{ entries: number; issues: ChainIssue[] }> {
  const rows: StoredEntry[] = [];
  // Entries with index 0 or below the anchor are read too, so an entry slipped in there is found.
  for (let after = { index: -2_147_483_648, seq: 0 }; ; ) {
    const page = (await store.chainPage(db, key, after, PAGE)).map((r) => ({ ...r, seq: Number(r.seq), chain_index: Number(r.chain_index) }));
    rows.push(...page);
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    after = { index: last.chain_index, seq: last.seq };
  }
  const state = await store.findChain(db, key);
  const issues = verifyChain(key, rows, state && { ...state, head_index: Number(state.head_index), anchor_index: Number(state.anchor_index) });
  return { entries: rows.length, issues };
}
