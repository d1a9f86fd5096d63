import { disclosureThreshold, filterAllowed } from '../analysis/core/index.ts';
import type { Localised } from '../analysis/core/types.ts';
import type { ParticipantPosition } from './model.ts';

/** The two sides of the room the results are split by; everyone is also in the whole room. */
export const resultGroups = ['experience_workers', 'professionals'] as const;
export type ResultGroup = (typeof resultGroups)[number];

export function groupOf(position: ParticipantPosition | null): ResultGroup | null {
  if (position === 'experience_worker') return 'experience_workers';
  if (position === 'practitioner' || position === 'coordinator' || position === 'policy_officer') return 'professionals';
  return null;
}

export const groupLabels: Record<ResultGroup, Localised> = {
  experience_workers: { nl: 'Ervaringswerkers', en: 'Experience workers' },
  professionals: { nl: 'Professionals', en: 'Professionals' },
};

export type GroupDecision = { shown: ResultGroup[]; merged: ResultGroup[]; notes: Localised[] };

const mergedNote = (group: ResultGroup, k: number): Localised => ({
  nl: `${groupLabels[group].nl}: te weinig antwoorden om apart te tonen (minder dan ${k}, of het zou de anderen verraden). Ze tellen mee in de hele zaal.`,
  en: `${groupLabels[group].en}: too few answers to show apart (fewer than ${k}, or it would give away the others). They are counted in the whole room.`,
});

/**
 * Which groups may be shown apart from the whole room. A group is shown only when the analysis's
 * filter rule allows it as a selection of the room (at least k people, and not leaving out 1 to k − 1).
 * When both are shown, the people in neither group are a difference too: if they are 1 to k − 1,
 * the smaller group merges back into the room (professionals on a tie).
 */
export function decideGroups(counts: Record<ResultGroup, number>, room: number, kSetting?: number): GroupDecision {
  const k = disclosureThreshold(kSetting);
  let shown = resultGroups.filter((g) => filterAllowed(counts[g], room, k).allowed);
  if (shown.length === 2) {
    const rest = room - counts.experience_workers - counts.professionals;
    if (rest > 0 && rest < k) shown = [counts.experience_workers >= counts.professionals ? 'experience_workers' : 'professionals'];
  }
  const merged = resultGroups.filter((g) => !shown.includes(g));
  return { shown, merged, notes: merged.map((g) => mergedNote(g, k)) };
}
