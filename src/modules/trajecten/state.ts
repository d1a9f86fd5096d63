import type { Position } from '../organisations/model.ts';

/**
 * Everything a team agreed in a trajectory, as plain data: the input of the pure cores (open points,
 * the knowledge matrix and the charter generator). The service builds it from the database.
 */
export type TrajectoryState = {
  title: string;
  teamName: string;
  context: { who: string; sector: string | null; logics: string[] };
  members: { userId: string; displayName: string; position: Position }[];
  agreements: {
    id: string;
    topic: string;
    title: string;
    text: string;
    options: string[];
    reason: string;
    ownerUserId: string | null;
    reviewOn: string | null;
  }[];
  contributions: {
    userId: string;
    experiential: boolean;
    positions: string[];
    experientialNote: string;
    professional: boolean;
    professionalNote: string;
    otherNote: string;
  }[];
  roles: { roleKey: string; userId: string; hoursPerWeek: number | null }[];
  mandates: { userId: string; statuses: string[]; mayDecide: string; maySign: string; informal: string }[];
  support: { kind: string; frequency: string; byWhom: string; forWhom: string }[];
  equalPositions: { key: string; position: string; reason: string }[];
  equalViews: { key: string; userId: string; view: string }[];
  checks: { moment: 'start' | 'end' }[];
};

export const emptyState = (title = '', teamName = ''): TrajectoryState => ({
  title,
  teamName,
  context: { who: '', sector: null, logics: [] },
  members: [],
  agreements: [],
  contributions: [],
  roles: [],
  mandates: [],
  support: [],
  equalPositions: [],
  equalViews: [],
  checks: [],
});
