/**
 * Who may see, handle, check and report signals, as pure rules over what is known about a person
 * in one organisation: their role there and their position in each of its teams.
 */
export type Viewer = { userId: string; role: string; teams: { teamId: string; position: string }[] };
export type SignalFacts = { teamId: string | null; raisedBy: string | null; status: string };

const managesOrganisation = (v: Viewer) => v.role === 'admin' || v.role === 'coordinator';
const isPolicyOfficer = (v: Viewer) => v.teams.some((t) => t.position === 'policy_officer');
const inTeam = (v: Viewer, teamId: string) => v.teams.some((t) => t.teamId === teamId);

/** The raiser, the signal's team (or everyone for an organisation-wide signal), managers and policy officers. */
export function canSee(v: Viewer, s: SignalFacts): boolean {
  if (managesOrganisation(v) || isPolicyOfficer(v) || s.raisedBy === v.userId) return true;
  return s.teamId === null || inTeam(v, s.teamId);
}

/** Admins and coordinators of the organisation, policy officers, and the coordinator of the signal's team. */
export function canHandle(v: Viewer, s: SignalFacts): boolean {
  if (managesOrganisation(v) || isPolicyOfficer(v)) return true;
  return s.teamId !== null && v.teams.some((t) => t.teamId === s.teamId && t.position === 'coordinator');
}

/** Whether the person handles signals at all (the overview of signals waiting for an answer). */
export const handlesSignals = (v: Viewer): boolean => managesOrganisation(v) || isPolicyOfficer(v) || v.teams.some((t) => t.position === 'coordinator');

/** The signal report: admins, researchers, coordinators and policy officers. */
export const seesReport = (v: Viewer): boolean => managesOrganisation(v) || v.role === 'researcher' || isPolicyOfficer(v);

/**
 * Small counts in the signal report. The list of signals is for the people allowed to open each one,
 * and whoever can open every signal the report counts can count them from the list: hiding the small
 * counts from them would promise what the list does not keep. So the report is exact for them (and
 * for those with raw rights); it hides small counts only from a viewer who cannot open them all, and
 * that viewer's list holds only the signals they may open.
 */
export const countsEverySignal = (v: Viewer, signals: readonly SignalFacts[]): boolean => signals.every((s) => canSee(v, s));

/**
 * Member checking: while the theme is being checked, the people whose stories it comes from and
 * the experience workers of the team (of any team, for an organisation-wide signal).
 */
export function canCheck(v: Viewer, s: SignalFacts, storyAuthors: readonly string[]): boolean {
  if (s.status !== 'member_check') return false;
  if (storyAuthors.includes(v.userId)) return true;
  return v.teams.some((t) => t.position === 'experience_worker' && (s.teamId === null || t.teamId === s.teamId));
}
