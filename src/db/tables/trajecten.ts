/**
 * Co-creative trajectories. Lists that are read and written as a whole (logics, statuses, positions,
 * participants, options, evidence) are JSON text; timestamps are ISO text; booleans 0/1.
 */
export interface TrajectoryTable {
  id: string;
  organisation_id: string;
  team_id: string;
  title: string;
  phase: string;
  context_who: string;
  context_sector: string | null;
  logics: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** What the team writes: one row per topic, or an explicit choice (topic 'keuze') with options and a reason. */
export interface AgreementTable {
  id: string;
  trajectory_id: string;
  topic: string;
  title: string;
  text: string;
  options: string;
  reason: string;
  owner_user_id: string | null;
  review_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AgreementReviewTable {
  id: string;
  agreement_id: string;
  reviewed_by: string;
  reviewed_at: string;
  note: string;
  next_review_on: string | null;
  evidence: string;
}

export interface ContributionTable {
  trajectory_id: string;
  user_id: string;
  experiential: number;
  positions: string;
  experiential_note: string;
  professional: number;
  professional_note: string;
  other_note: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  trajectory_id: string;
  role_key: string;
  user_id: string;
  hours_per_week: number | null;
}

export interface MandateTable {
  trajectory_id: string;
  user_id: string;
  statuses: string;
  may_decide: string;
  may_sign: string;
  /** The informal mandate (migration 0900); may_decide and may_sign are the formal one. */
  informal_mandate?: string;
  updated_at: string;
}

export interface SupportArrangementTable {
  id: string;
  trajectory_id: string;
  kind: string;
  frequency: string;
  by_whom: string;
  for_whom: string;
  created_at: string;
}

export interface EqualPositionViewTable {
  trajectory_id: string;
  question_key: string;
  user_id: string;
  view: string;
  updated_at: string;
}

export interface EqualPositionTable {
  trajectory_id: string;
  question_key: string;
  position: string;
  reason: string;
  updated_by: string;
  updated_at: string;
}

export interface IntervisionSessionTable {
  id: string;
  trajectory_id: string;
  method: string;
  planned_on: string;
  facilitator_user_id: string;
  presenter_user_id: string;
  participants: string;
  current_step: number;
  status: string;
  created_by: string;
  created_at: string;
}

/** Visible to the session's participants only. */
export interface IntervisionNoteTable {
  session_id: string;
  step: number;
  text: string;
  updated_by: string;
  updated_at: string;
}

/** What the participants chose to share with the whole team. */
export interface IntervisionThemeTable {
  id: string;
  session_id: string;
  theme: string;
  shared_by: string;
  shared_at: string;
}

export interface TeamCheckTable {
  trajectory_id: string;
  moment: string;
  round_id: string;
  created_at: string;
}

export interface CharterVersionTable {
  id: string;
  trajectory_id: string;
  version: number;
  language: string;
  sections: string;
  created_by: string;
  created_at: string;
}

export interface CharterSignatureTable {
  version_id: string;
  user_id: string;
  signed_at: string;
  /** The signer's display name when they signed (null only for rows written before it was kept). */
  signer_name?: string | null;
}

export interface CharterCommentTable {
  id: string;
  version_id: string;
  section_key: string;
  author_user_id: string;
  text: string;
  created_at: string;
}

export interface TrajectenTables {
  trajectories: TrajectoryTable;
  trajectory_agreements: AgreementTable;
  trajectory_agreement_reviews: AgreementReviewTable;
  trajectory_contributions: ContributionTable;
  trajectory_roles: RoleAssignmentTable;
  trajectory_mandates: MandateTable;
  trajectory_support: SupportArrangementTable;
  equal_position_views: EqualPositionViewTable;
  equal_positions: EqualPositionTable;
  intervision_sessions: IntervisionSessionTable;
  intervision_notes: IntervisionNoteTable;
  intervision_themes: IntervisionThemeTable;
  trajectory_checks: TeamCheckTable;
  charter_versions: CharterVersionTable;
  charter_signatures: CharterSignatureTable;
  charter_comments: CharterCommentTable;
}
