import type { Language } from '../../../core/language.ts';
import type { Db } from '../../../db/database.ts';
import type { CharterVersionTable } from '../../../db/tables/trajecten.ts';
import type { TeamMember } from '../access.ts';
import type { CharterSection } from '../model.ts';
import type { TrajectoryState } from '../state.ts';
import * as store from '../store.ts';
import { sameCharter } from './diff.ts';
import { generateCharter } from './generate.ts';
import { signingState } from './signing.ts';

export type CharterSummary = { latestVersion: number | null; established: boolean; outdated: boolean; signed: number; needed: number };

export const sectionsOf = (version: CharterVersionTable): CharterSection[] => JSON.parse(version.sections) as CharterSection[];

/** A version is outdated when generating it again from today's agreements gives other words. */
export const isOutdated = (version: CharterVersionTable, state: TrajectoryState): boolean =>
  !sameCharter(sectionsOf(version), generateCharter(state, version.language as Language));

export async function charterSummary(db: Db, members: TeamMember[], versions: CharterVersionTable[], state: TrajectoryState): Promise<CharterSummary> {
  const latest = versions.at(-1);
  if (!latest) return { latestVersion: null, established: false, outdated: false, signed: 0, needed: members.length };
  const signatures = await store.listSignatures(db, [latest.id]);
  const signing = signingState(
    members,
    signatures.map((s) => ({ userId: s.user_id, signedAt: s.signed_at })),
  );
  return {
    latestVersion: Number(latest.version),
    established: signing.established,
    outdated: isOutdated(latest, state),
    signed: signing.signed.length,
    needed: members.length,
  };
}
