/**
 * The shapes the API answers with: the types inferred from the server modules' response schemas
 * (model.ts), imported as types only so no server code reaches the bundle. The value lists below
 * are the browser's own copies for its forms, checked against the server's types.
 */
import type { Language } from '../../src/core/language.ts';
import type { MeView, MyTeamView } from '../../src/modules/accounts/model.ts';
import type { AuditEventView, AuditListView } from '../../src/modules/audit/model.ts';
import type {
  CreatedInvitationView,
  InvitationView,
  MemberView,
  OrganisationView,
  Position,
  Role,
  TeamMemberView,
  TeamView,
} from '../../src/modules/organisations/model.ts';

export type { InvitationPreview, Sector } from '../../src/modules/organisations/model.ts';
export type { Language, MeView, Position, Role };
export type Organisation = OrganisationView;
export type MyTeam = MyTeamView;
export type Member = MemberView;
export type Invitation = InvitationView;
export type InvitationStatus = InvitationView['status'];
export type CreatedInvitation = CreatedInvitationView;
export type Team = TeamView;
export type TeamMember = TeamMemberView;
export type AuditEvent = AuditEventView;
export type AuditPage = AuditListView;

export const languages = ['nl', 'en'] as const satisfies readonly Language[];
export const roles = ['admin', 'researcher', 'coordinator', 'member'] as const satisfies readonly Role[];
export const positions = ['practitioner', 'coordinator', 'policy_officer', 'experience_worker'] as const satisfies readonly Position[];

export const isLanguage = (value: unknown): value is Language => value === 'nl' || value === 'en';
export const isRole = (value: unknown): value is Role => (roles as readonly unknown[]).includes(value);
export const isPosition = (value: unknown): value is Position => (positions as readonly unknown[]).includes(value);
