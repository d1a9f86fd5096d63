/**
 * A charter version is established ("vastgesteld") only when every current team member signed it.
 * Signatures of people who left the team are kept (they are history) but do not count.
 */
export type SigningState<P extends { userId: string }> = {
  signed: (P & { signedAt: string })[];
  missing: P[];
  established: boolean;
};

export function signingState<P extends { userId: string }>(members: P[], signatures: { userId: string; signedAt: string }[]): SigningState<P> {
  const at = new Map(signatures.map((s) => [s.userId, s.signedAt]));
  const signed = members.filter((m) => at.has(m.userId)).map((m) => ({ ...m, signedAt: at.get(m.userId) as string }));
  const missing = members.filter((m) => !at.has(m.userId));
  return { signed, missing, established: members.length > 0 && missing.length === 0 };
}
