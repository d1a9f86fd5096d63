/** Table types for Kysely. Timestamps are ISO 8601 UTC text; booleans are 0/1 integers on both dialects. */
import type { Generated } from 'kysely';
import type { CodingTables } from './tables/coding.ts';
import type { ExportsTables } from './tables/exports.ts';
import type { FrameworksTables } from './tables/frameworks.ts';
import type { InstrumentsTables } from './tables/instruments.ts';
import type { LimitsTables } from './tables/limits.ts';
import type { MailTables } from './tables/mail.ts';
import type { MeetingsTables } from './tables/meetings.ts';
import type { RoundInvitationsTables } from './tables/round-invitations.ts';
import type { RoundsTables } from './tables/rounds.ts';
import type { SignalsTables } from './tables/signals.ts';
import type { StoriesTables } from './tables/stories.ts';
import type { TrajectenTables } from './tables/trajecten.ts';
import type { UploadsTables } from './tables/uploads.ts';

export interface OrganisationTable {
  id: string;
  name: string;
  sector: string;
  disclosure_threshold: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  language: string;
  created_at: string;
  disabled_at: string | null;
}

export interface MembershipTable {
  organisation_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface TeamTable {
  id: string;
  organisation_id: string;
  name: string;
  created_at: string;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
  position: string;
  created_at: string;
  /** Who made the membership; equal to user_id for a self-join, null when made by the system. */
  added_by?: string | null;
}

export interface InvitationTable {
  id: string;
  organisation_id: string;
  email: string;
  role: string;
  team_id: string | null;
  position: string | null;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** Browser and system as "Chrome/Android" (accounts/session-device.ts); null for sessions from before it was kept. */
  device?: string | null;
}

/** A one-time password reset link: only its hash is kept; used_at is set when it is used (once). */
export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditEventTable {
  seq: Generated<number>;
  id: string;
  organisation_id: string | null;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: string;
  at: string;
  /** Tamper evidence (modules/audit/chain.ts): the chain, the place in it, the previous entry's hash and this one's. */
  chain_key: string;
  chain_index: number;
  prev_hash: string;
  hash: string;
}

/** Per audit chain: its head (the last entry) and its anchor (the last entry retention deleted). */
export interface AuditChainTable {
  chain_key: string;
  head_index: number;
  head_hash: string;
  anchor_index: number;
  anchor_hash: string;
  anchored_at: string | null;
}

/** Per organisation: how many days each kind of data is kept (privacy/retention-model.ts). */
export interface RetentionSettingsTable {
  organisation_id: string;
  raw_answers_days: number;
  leaver_stories_days: number;
  sessions_days: number;
  logs_days: number;
  audit_days: number;
  updated_at: string;
}

/** An organisation's OpenID Connect provider; the secret only sealed (see src/modules/sso/secret-box.ts). */
export interface SsoConnectionTable {
  organisation_id: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  /** 'first_sign_in' (a verified address gets an account as member) or 'invitation' (members only). */
  link_mode: string;
  enabled: number;
  updated_at: string;
  updated_by: string | null;
}

export interface SsoDomainTable {
  domain: string;
  organisation_id: string;
}

/** A sign-in at a provider in progress: single use, ten minutes. */
export interface SsoLoginTable {
  state_hash: string;
  browser_hash: string;
  organisation_id: string;
  nonce: string;
  code_verifier: string;
  next_path: string;
  expires_at: string;
}

/** The provider's subject (sub) an account was linked to, so a later sign-in finds it again. */
export interface SsoIdentityTable {
  organisation_id: string;
  subject: string;
  user_id: string;
  created_at: string;
}

export interface Database
  extends RoundsTables,
    TrajectenTables,
    ExportsTables,
    StoriesTables,
    SignalsTables,
    CodingTables,
    UploadsTables,
    LimitsTables,
    MeetingsTables,
    MailTables,
    RoundInvitationsTables,
    FrameworksTables,
    InstrumentsTables {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
  invitations: InvitationTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  audit_events: AuditEventTable;
  audit_chains: AuditChainTable;
  retention_settings: RetentionSettingsTable;
  sso_connections: SsoConnectionTable;
  sso_domains: SsoDomainTable;
  sso_logins: SsoLoginTable;
  sso_identities: SsoIdentityTable;
  totp_factors: TotpFactorTable;
  recovery_codes: RecoveryCodeTable;
  passkeys: PasskeyTable;
  pending_sign_ins: PendingSignInTable;
  webauthn_challenges: WebauthnChallengeTable;
  two_factor_rules: TwoFactorRuleTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
}

/** Second factors (module factors). bigint columns come back from PostgreSQL as strings: read them with Number(). */
export interface TotpFactorTable {
  user_id: string;
  secret: string;
  confirmed_at: string | null;
  last_step: Generated<number | string>;
  created_at: string;
}

export interface RecoveryCodeTable {
  code_hash: string;
  user_id: string;
  created_at: string;
  used_at: string | null;
}

export interface PasskeyTable {
  /** The credential id, base64url. */
  id: string;
  user_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: number | string;
  /** Comma-separated transports the authenticator named (usb, internal, hybrid...). */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** Password right, second factor still to come: this row is all the person has, no session. */
export interface PendingSignInTable {
  id_hash: string;
  user_id: string;
  failures: Generated<number>;
  expires_at: string;
}

export interface WebauthnChallengeTable {
  challenge_hash: string;
  purpose: string;
  user_id: string | null;
  expires_at: string;
}

export interface TwoFactorRuleTable {
  organisation_id: string;
  required_for_data_roles: number;
  updated_at: string;
}

/** What happened for a person (notifications module); `params` is JSON of what changed at that step. */
export interface NotificationTable {
  id: string;
  organisation_id: string;
  user_id: string;
  kind: string;
  subject_id: string;
  params: string;
  link: string;
  created_at: string;
  read_at: string | null;
  /** When handed to the mail outbox; 'skipped' when the person wanted no e-mail for it. */
  mailed_at: string | null;
}

/** How a person wants to hear by e-mail what waits for them: immediate | daily | weekly | never. */
export interface NotificationPreferenceTable {
  user_id: string;
  email: string;
  last_digest_at: string | null;
  updated_at: string;
}
