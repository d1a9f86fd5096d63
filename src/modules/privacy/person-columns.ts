/**
 * Every column that names a person, and what happens to it on export and erasure: one list, read by
 * both, and checked against the database by test/privacy/coverage.test.ts (a new column that holds a
 * user id fails that test until it is listed here).
 *
 * - delete: the row is the person's own (their account, stories, reflections, notes on their own
 *   experience, notifications): erasure deletes it.
 * - former: the row matters to others (a signed charter, a signal's history, a code, an agreement):
 *   erasure keeps it and points it at a new anonymous "former member" account.
 * - secret: columns never exported (password hash, session and invitation token hashes).
 */
export type PersonColumn = { table: string; column: string; onErase: 'delete' | 'former'; section: string; secret?: readonly string[] };

export const personColumns: readonly PersonColumn[] = [
  { table: 'users', column: 'id', onErase: 'delete', section: 'account', secret: ['password_hash'] },
  { table: 'memberships', column: 'user_id', onErase: 'delete', section: 'account' },
  { table: 'team_members', column: 'user_id', onErase: 'delete', section: 'account' },
  // Who added someone else to a team: the record of that act stays (selfJoined compares it with user_id).
  { table: 'team_members', column: 'added_by', onErase: 'former', section: 'account' },
  { table: 'upload_counts', column: 'user_id', onErase: 'delete', section: 'account' },
  { table: 'sessions', column: 'user_id', onErase: 'delete', section: 'account', secret: ['id_hash'] },
  // The single sign-on subject an account was linked to; the admin who last saved a connection.
  { table: 'sso_identities', column: 'user_id', onErase: 'delete', section: 'account' },
  { table: 'sso_connections', column: 'updated_by', onErase: 'former', section: 'account', secret: ['client_secret_sealed'] },
  { table: 'password_resets', column: 'user_id', onErase: 'delete', section: 'account', secret: ['token_hash'] },
  // Second factors: the person's own; the secrets themselves are never exported.
  { table: 'totp_factors', column: 'user_id', onErase: 'delete', section: 'account', secret: ['secret'] },
  { table: 'recovery_codes', column: 'user_id', onErase: 'delete', section: 'account', secret: ['code_hash'] },
  { table: 'passkeys', column: 'user_id', onErase: 'delete', section: 'account', secret: ['public_key'] },
  { table: 'pending_sign_ins', column: 'user_id', onErase: 'delete', section: 'account', secret: ['id_hash'] },
  { table: 'webauthn_challenges', column: 'user_id', onErase: 'delete', section: 'account', secret: ['challenge_hash'] },
  { table: 'invitations', column: 'created_by', onErase: 'former', section: 'account', secret: ['token_hash'] },
  { table: 'invitations', column: 'accepted_by', onErase: 'former', section: 'account', secret: ['token_hash'] },
  { table: 'frameworks', column: 'created_by', onErase: 'former', section: 'in-beeld' },
  { table: 'instruments', column: 'created_by', onErase: 'former', section: 'in-beeld' },
  { table: 'instrument_versions', column: 'created_by', onErase: 'former', section: 'in-beeld' },
  { table: 'instrument_versions', column: 'published_by', onErase: 'former', section: 'in-beeld' },
  { table: 'rounds', column: 'created_by', onErase: 'former', section: 'in-beeld' },
  { table: 'trajectories', column: 'created_by', onErase: 'former', section: 'trajecten' },
  { table: 'trajectory_agreements', column: 'owner_user_id', onErase: 'former', section: 'trajecten' },
  { table: 'trajectory_agreements', column: 'created_by', onErase: 'former', section: 'trajecten' },
  { table: 'trajectory_agreement_reviews', column: 'reviewed_by', onErase: 'former', section: 'trajecten' },
  { table: 'trajectory_contributions', column: 'user_id', onErase: 'delete', section: 'trajecten' },
  { table: 'trajectory_roles', column: 'user_id', onErase: 'former', section: 'trajecten' },
  { table: 'trajectory_mandates', column: 'user_id', onErase: 'delete', section: 'trajecten' },
  { table: 'equal_position_views', column: 'user_id', onErase: 'delete', section: 'trajecten' },
  { table: 'equal_positions', column: 'updated_by', onErase: 'former', section: 'trajecten' },
  { table: 'intervision_sessions', column: 'facilitator_user_id', onErase: 'former', section: 'trajecten' },
  { table: 'intervision_sessions', column: 'presenter_user_id', onErase: 'former', section: 'trajecten' },
  { table: 'intervision_sessions', column: 'created_by', onErase: 'former', section: 'trajecten' },
  { table: 'intervision_notes', column: 'updated_by', onErase: 'former', section: 'trajecten' },
  { table: 'intervision_themes', column: 'shared_by', onErase: 'former', section: 'trajecten' },
  { table: 'charter_versions', column: 'created_by', onErase: 'former', section: 'trajecten' },
  { table: 'charter_signatures', column: 'user_id', onErase: 'former', section: 'trajecten' },
  { table: 'charter_comments', column: 'author_user_id', onErase: 'former', section: 'trajecten' },
  { table: 'stories', column: 'author_user_id', onErase: 'delete', section: 'verhalen' },
  { table: 'story_links', column: 'created_by', onErase: 'former', section: 'verhalen' },
  { table: 'story_reflections', column: 'author_user_id', onErase: 'delete', section: 'verhalen' },
  { table: 'photovoice_projects', column: 'facilitator_user_id', onErase: 'former', section: 'verhalen' },
  { table: 'photovoice_entries', column: 'added_by', onErase: 'former', section: 'verhalen' },
  { table: 'signals', column: 'raised_by', onErase: 'former', section: 'signalen' },
  { table: 'signal_steps', column: 'actor_user_id', onErase: 'former', section: 'signalen' },
  { table: 'signal_story_links', column: 'linked_by', onErase: 'former', section: 'signalen' },
  { table: 'signal_member_checks', column: 'user_id', onErase: 'former', section: 'signalen' },
  { table: 'signal_notifications', column: 'user_id', onErase: 'delete', section: 'signalen' },
  { table: 'coding_codes', column: 'created_by', onErase: 'former', section: 'codering' },
  { table: 'coding_segments', column: 'created_by', onErase: 'former', section: 'codering' },
  { table: 'coding_answer_segments', column: 'created_by', onErase: 'former', section: 'codering' },
  // A co-researcher's invitation is theirs; who invited them is a record of that act.
  { table: 'coding_coresearchers', column: 'user_id', onErase: 'delete', section: 'codering' },
  { table: 'coding_coresearchers', column: 'invited_by', onErase: 'former', section: 'codering' },
  { table: 'coding_memos', column: 'created_by', onErase: 'former', section: 'codering' },
  { table: 'meetings', column: 'created_by', onErase: 'former', section: 'ontmoetingen' },
  { table: 'meeting_facilitators', column: 'user_id', onErase: 'delete', section: 'ontmoetingen' },
  { table: 'meeting_moderation', column: 'actor_user_id', onErase: 'former', section: 'ontmoetingen' },
  { table: 'notifications', column: 'user_id', onErase: 'delete', section: 'meldingen' },
  { table: 'notification_preferences', column: 'user_id', onErase: 'delete', section: 'meldingen' },
];

/**
 * Columns that hold a user id but are deliberately not in the list above, with the reason.
 * audit_events: the trail is chained by hash and must not change; after erasure its ids point at
 * nobody (the account is gone) and the export lists the entries about the person separately.
 */
export const exemptPersonColumns: readonly { table: string; column: string }[] = [{ table: 'audit_events', column: 'actor_user_id' }];

/** The name of the anonymous account that keeps someone's place where others need it. */
export const FORMER_MEMBER_NAME = 'Voormalig lid · Former member';
