/** A personal invitation to a round: an address, the link it opens and whether it was used. Nothing about a response. */
export interface RoundInvitationTable {
  id: string;
  round_id: string;
  link_id: string;
  email: string;
  language: string;
  used: number;
  created_at: string;
}

export interface RoundInvitationTokenTable {
  token_hash: string;
  invitation_id: string;
}

/** An invitation used since the last daily batch: no time, no order. */
export interface RoundInvitationUseTable {
  invitation_id: string;
}

export interface RoundInvitationBatchTable {
  day: string;
}

export interface RoundInvitationRoundTable {
  round_id: string;
  /** The address the invitations' links start with (the app's public origin when they were made). */
  origin: string;
  closing_sent_at: string | null;
}

export interface RoundReminderTable {
  id: string;
  round_id: string;
  send_on: string;
  sent_at: string | null;
}

export interface RoundLinkTargetTable {
  link_id: string;
  target: number;
}

export interface OrganisationBrandingTable {
  organisation_id: string;
  colour: string | null;
  updated_at: string;
}

export interface OrganisationLogoTable {
  organisation_id: string;
  /** A key in the photo storage: `<organisation id>/<random id>.jpg`. */
  storage_key: string;
  width: number;
  height: number;
  updated_at: string;
}

export interface RoundInvitationsTables {
  round_invitations: RoundInvitationTable;
  round_invitation_tokens: RoundInvitationTokenTable;
  round_invitation_uses: RoundInvitationUseTable;
  round_invitation_batches: RoundInvitationBatchTable;
  round_invitation_rounds: RoundInvitationRoundTable;
  round_reminders: RoundReminderTable;
  round_link_targets: RoundLinkTargetTable;
  organisation_branding: OrganisationBrandingTable;
  organisation_logos: OrganisationLogoTable;
}
