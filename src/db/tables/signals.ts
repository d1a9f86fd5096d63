/** Kysely table types of the signals module (see migration 0040). */

export interface SignalTable {
  id: string;
  organisation_id: string;
  /** The team whose members see the signal; null: the whole organisation. */
  team_id: string | null;
  raised_by: string | null;
  title: string;
  observation: string;
  barrier_for: string;
  /** A code of the built-in framework `logics`. */
  logic: string;
  /** A code of the built-in framework `themes`, or null. */
  theme: string | null;
  level: string;
  status: string;
  /** The coding code (theme from coded stories) this signal was drawn from, or null. */
  source_code_id: string | null;
  created_at: string;
  last_step_at: string;
}

export interface SignalStepTable {
  id: string;
  signal_id: string;
  from_status: string | null;
  to_status: string;
  note: string;
  actor_user_id: string | null;
  at: string;
}

export interface SignalStoryLinkTable {
  signal_id: string;
  story_id: string;
  linked_by: string | null;
  linked_at: string;
}

export interface SignalMemberCheckTable {
  id: string;
  signal_id: string;
  user_id: string | null;
  stance: string;
  comment: string;
  at: string;
}

export interface SignalNotificationTable {
  id: string;
  organisation_id: string;
  user_id: string;
  signal_id: string;
  kind: string;
  at: string;
  read_at: string | null;
}

export interface SignalsTables {
  signals: SignalTable;
  signal_steps: SignalStepTable;
  signal_story_links: SignalStoryLinkTable;
  signal_member_checks: SignalMemberCheckTable;
  signal_notifications: SignalNotificationTable;
}
