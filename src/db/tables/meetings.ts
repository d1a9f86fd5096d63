/**
 * Kysely table types of the meetings module (see migration 0600). Nothing here identifies a
 * participant: no IP address, no user agent, no time of joining or answering.
 */

export interface MeetingTable {
  id: string;
  organisation_id: string;
  team_id: string | null;
  trajectory_id: string | null;
  title: string;
  /** The language the room reads first (nl | en); every page still offers the other. */
  language: string;
  /** draft | live | closed */
  status: string;
  /** presenter | participant */
  pacing: string;
  /** Six characters of the join alphabet; unique among meetings that are not closed. */
  join_code: string;
  /** Position (0-based) of the prompt on the screen now. */
  current_index: number;
  created_by: string | null;
  created_at: string;
  /** When the report was attached to the trajectory as the record of a dialogue; null: not attached. */
  record_attached_at?: string | null;
}

export interface MeetingFacilitatorTable {
  meeting_id: string;
  user_id: string;
  /** owner | moderator */
  role: string;
}

export interface MeetingPromptTable {
  id: string;
  meeting_id: string;
  position: number;
  kind: string;
  /** JSON: { nl, en } */
  text: string;
  /** JSON: [{ key, label: { nl, en } }] */
  options: string;
  /** JSON: kind-specific settings (scale points, maximum choices, linked instrument question). */
  settings: string;
  /** waiting | open | closed */
  state: string;
  results_visible: number;
}

export interface MeetingParticipantTable {
  id: string;
  meeting_id: string;
  token_hash: string;
  receipt_hash: string;
  /** experience_worker | practitioner | coordinator | policy_officer | other, or null: not said. */
  position: string | null;
  /** given | declined, or null: not asked yet (only meetings with prompts linked to an instrument ask). */
  round_consent?: string | null;
  /** The version (hash) of the consent text the participant read when choosing. */
  round_consent_version?: string | null;
}

export interface MeetingAnswerTable {
  id: string;
  prompt_id: string;
  participant_id: string;
  client_id: string;
  /** JSON of the answer; its shape follows the prompt's kind (see model.ts). */
  value: string;
  /** none (counted at once) | pending | approved | held */
  moderation: string;
  /** The participant's position, copied (it never changes): results count by it without a join. */
  position: string | null;
}

export interface MeetingQuestionTable {
  id: string;
  prompt_id: string;
  participant_id: string;
  client_id: string;
  text: string;
  /** pending | approved | held */
  moderation: string;
  pinned: number;
  answered: number;
}

export interface MeetingUpvoteTable {
  question_id: string;
  participant_id: string;
}

export interface MeetingModerationTable {
  id: string;
  meeting_id: string;
  /** answer | question */
  subject_type: string;
  subject_id: string;
  decision: string;
  reason: string;
  actor_user_id: string | null;
  at: string;
}

/** The round that holds a meeting's answers to the prompts linked to one instrument version. */
export interface MeetingRoundTable {
  meeting_id: string;
  instrument_version_id: string;
  round_id: string;
}

export interface MeetingsTables {
  meetings: MeetingTable;
  meeting_facilitators: MeetingFacilitatorTable;
  meeting_prompts: MeetingPromptTable;
  meeting_participants: MeetingParticipantTable;
  meeting_answers: MeetingAnswerTable;
  meeting_questions: MeetingQuestionTable;
  meeting_upvotes: MeetingUpvoteTable;
  meeting_moderation: MeetingModerationTable;
  meeting_rounds: MeetingRoundTable;
}
