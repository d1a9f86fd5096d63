import { createHash } from 'node:crypto';

/** The previous hash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** One chain per organisation; events outside any organisation (logins, new accounts) share 'global'. */
export const chainKeyOf = (organisationId: string | null): string => organisationId ?? 'global';

/** Everything an entry says, plus its place in the chain. `seq` is left out: the database assigns it after hashing. */
export type ChainedEntry = {
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

export function hashAuditEntry(entry: ChainedEntry): string {
  const fields = [
    entry.chain_key,
    entry.chain_index,
    entry.prev_hash,
    entry.id,
    entry.organisation_id,
    entry.actor_user_id,
    entry.action,
    entry.subject_type,
    entry.subject_id,
    entry.details,
    entry.at,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
