import type { MeetingPromptTable, MeetingTable } from '../../db/tables/meetings.ts';
import type { LocalisedText } from '../frameworks/model.ts';
import type { MeetingSummary, PromptKind, PromptOption, PromptView } from './model.ts';

/** Rows to the wire format: never a row as it is. */

export function promptView(row: MeetingPromptTable): PromptView {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind as PromptKind,
    text: JSON.parse(row.text) as LocalisedText,
    options: JSON.parse(row.options) as PromptOption[],
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    state: row.state as PromptView['state'],
    resultsVisible: row.results_visible === 1,
  };
}

export function meetingSummary(row: MeetingTable): MeetingSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status as MeetingSummary['status'],
    pacing: row.pacing as MeetingSummary['pacing'],
    joinCode: row.join_code,
    teamId: row.team_id,
    trajectoryId: row.trajectory_id,
    language: row.language as MeetingSummary['language'],
    createdAt: row.created_at,
    recordAttachedAt: row.record_attached_at ?? null,
  };
}
