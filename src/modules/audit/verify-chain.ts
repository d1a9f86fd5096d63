import { type ChainedEntry, GENESIS_HASH, hashAuditEntry } from './chain.ts';

export type StoredEntry = ChainedEntry & { seq: number; hash: string };
export type ChainState = { head_index: number; head_hash: string; anchor_index: number; anchor_hash: string };

/**
 * changed: an entry's content (or, seen from the next entry, its hash) differs from what was chained;
 * removed: entries missing between two others or after the last one;
 * inserted: an entry that is not part of the chain (a second entry at a place, before the anchor, after the head).
 */
export type ChainIssue = { kind: 'changed' | 'removed' | 'inserted'; chainKey: string; fromIndex: number; toIndex: number; seq: number | null };

/** Checks one chain: its entries in any order and the head and anchor kept beside them. Pure. */
export function verifyChain(chainKey: string, entries: readonly StoredEntry[], state: ChainState | undefined): ChainIssue[] {
  const issues: ChainIssue[] = [];
  const issue = (kind: ChainIssue['kind'], fromIndex: number, toIndex: number, seq: number | null) => issues.push({ kind, chainKey, fromIndex, toIndex, seq });
  const anchor = state ? { index: state.anchor_index, hash: state.anchor_hash } : { index: 0, hash: GENESIS_HASH };
  const headIndex = state?.head_index ?? 0;
  const sorted = [...entries].sort((a, b) => a.chain_index - b.chain_index || a.seq - b.seq);
  const groups = new Map<number, StoredEntry[]>();
  for (const entry of sorted) {
    if (entry.chain_key !== chainKey || entry.chain_index <= anchor.index || entry.chain_index > headIndex) {
      issue('inserted', entry.chain_index, entry.chain_index, entry.seq);
      continue;
    }
    groups.set(entry.chain_index, [...(groups.get(entry.chain_index) ?? []), entry]);
  }

  let previous: { index: number; hash: string; seq: number | null; prevHash: string | null } = { ...anchor, seq: null, prevHash: null };
  for (const [index, candidates] of groups) {
    const gap = index > previous.index + 1;
    if (gap) issue('removed', previous.index + 1, index - 1, null);
    const intact = (e: StoredEntry) => hashAuditEntry(e) === e.hash;
    const linked = (e: StoredEntry) => gap || e.prev_hash === previous.hash;
    const chosen = candidates.find((e) => intact(e) && linked(e)) ?? candidates.find(linked) ?? (candidates[0] as StoredEntry);
    for (const other of candidates) if (other !== chosen) issue('inserted', index, index, other.seq);
    if (!intact(chosen)) issue('changed', index, index, chosen.seq);
    // Whole, but pointing past its predecessor: the predecessor was slipped in (and the indices after it shifted).
    else if (!linked(chosen) && chosen.prev_hash === previous.prevHash) issue('inserted', previous.index, previous.index, previous.seq);
    // Whole, but not pointing at its predecessor: the predecessor was rewritten (its hash recomputed).
    else if (!linked(chosen) && previous.index > anchor.index) issue('changed', previous.index, previous.index, previous.seq);
    else if (!linked(chosen)) issue('changed', index, index, chosen.seq);
    previous = { index, hash: chosen.hash, seq: chosen.seq, prevHash: previous.hash };
  }
  if (previous.index < headIndex) issue('removed', previous.index + 1, headIndex, null);
  else if (state && previous.index === headIndex && previous.hash !== state.head_hash && previous.index > anchor.index) {
    issue('changed', previous.index, previous.index, previous.seq);
  }
  return issues;
}
