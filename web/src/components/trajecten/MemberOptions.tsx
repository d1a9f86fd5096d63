import type { TrajectoryDetailView } from './types.ts';

/** The options of a select that picks one team member, after a first empty option with its own label. */
export function MemberOptions({ members, emptyLabel }: { members: TrajectoryDetailView['members']; emptyLabel: string }) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {members.map((m) => (
        <option key={m.userId} value={m.userId}>
          {m.displayName}
        </option>
      ))}
    </>
  );
}
