import { policies } from '../../core/policy.ts';
import { disclosureThreshold } from '../analysis/core/index.ts';
import type { Role } from '../organisations/model.ts';

/**
 * The settings a round's promise to respondents is written from. The consent text
 * (anonymity.ts) and the response-level export (exports/service.ts) both read them through
 * `respondentDataPolicy`, so what the text says and what the export does cannot drift apart.
 */
export type RoundDataSettings = {
  organisationName: string;
  /** The team of the link the respondent uses; null for the organisation-wide link. */
  teamName: string | null;
  closesOn: string;
  openTextExport: boolean;
  disclosureThreshold: number;
  /** The respondent came through a personal invitation (an e-mail with a one-time link). */
  invited?: boolean;
};

export type RespondentDataPolicy = {
  /** Who sees every count, small ones too, and downloads one row per respondent (without names). */
  rowLevelRoles: readonly Role[];
  /** Everyone else sees counts only from this many people on. */
  threshold: number;
  /** A row names the respondent's team only when at least this many of that team completed the round. */
  teamInRowsFrom: number;
  /** Open answers are in the rows. */
  openTextInRows: boolean;
};

export function respondentDataPolicy(settings: Pick<RoundDataSettings, 'openTextExport' | 'disclosureThreshold'>): RespondentDataPolicy {
  const threshold = disclosureThreshold(settings.disclosureThreshold);
  return {
    rowLevelRoles: policies['reports.raw'],
    threshold,
    teamInRowsFrom: threshold,
    openTextInRows: settings.openTextExport,
  };
}

/** The teams a response-level export may name: those with at least `teamInRowsFrom` complete responses. */
export function teamsNamedInRows(policy: RespondentDataPolicy, completeByTeam: ReadonlyMap<string, number>): Set<string> {
  return new Set([...completeByTeam].filter(([, n]) => n >= policy.teamInRowsFrom).map(([team]) => team));
}
