import type { RoundTable } from '../../db/tables/rounds.ts';

export const resultSharingModes = ['now', 'after_closing', 'from_date', 'not'] as const;
export type ResultSharingMode = (typeof resultSharingModes)[number];
export const resultAudiences = ['members', 'public'] as const;
export type ResultAudience = (typeof resultAudiences)[number];

export type ResultSharing = { shared: ResultSharingMode; from: string | null; audience: ResultAudience };

export function sharingOf(round: Pick<RoundTable, 'results_shared' | 'results_shared_from' | 'results_audience'>): ResultSharing {
  const shared = (resultSharingModes as readonly string[]).includes(round.results_shared ?? '') ? (round.results_shared as ResultSharingMode) : 'now';
  const audience = round.results_audience === 'public' ? 'public' : 'members';
  return { shared, from: round.results_shared_from ?? null, audience };
}

/**
 * Whether the people a round asked may read its results today (with small groups hidden): the
 * round's setting, and for "after closing" the day after its last day or once it is closed.
 * Those who run rounds read them whatever this says.
 */
export function resultsAvailable(
  round: Pick<RoundTable, 'results_shared' | 'results_shared_from' | 'results_audience' | 'status' | 'closes_on'>,
  today: string,
): boolean {
  const { shared, from } = sharingOf(round);
  switch (shared) {
    case 'now':
      return true;
    case 'not':
      return false;
    case 'after_closing':
      return round.status === 'closed' || today > round.closes_on;
    case 'from_date':
      return from !== null && today >= from;
  }
}
