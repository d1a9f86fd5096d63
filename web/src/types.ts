/**
 * The shapes the API answers with. Kept here, in the browser app, so the web bundle never
 * pulls in server code; they mirror the zod models in the server modules (model.ts).
 */
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

export const roles = ['admin', 'researcher', 'coordinator', 'member'] as const;
export type Role = (typeof roles)[number];

export const positions = ['practitioner', 'coordinator', 'policy_officer', 'experience_worker'] as const;
export type Position = (typeof positions)[number];

export type Sector = 'ggz' | 'verslavingszorg' | 'jeugdhulp' | 'other';

export type Organisation = { id: string; name: string; sector: Sector; disclosureThreshold: number; role: Role };
export type MyTeam = { id: string; name: string; organisationId: string; position: Position };
export type MeView = {
  user: { id: string; email: string; displayName: string; language: Language };
  organisations: Organisation[];
  teams: MyTeam[];
};

export type Member = { userId: string; displayName: string; email: string; role: Role; since: string };
export type InvitationStatus = 'open' | 'accepted' | 'revoked' | 'expired';
export type Invitation = {
  id: string;
  email: string;
  role: Role;
  teamId: string | null;
  position: Position | null;
  createdAt: string;
  expiresAt: string;
  status: InvitationStatus;
};
export type CreatedInvitation = { invitation: Invitation; link: string; token: string };
export type InvitationPreview = { organisationId: string; organisationName: string; email: string; role: Role; accountExists: boolean };

export type Team = { id: string; name: string; memberCount: number };
export type TeamMember = { userId: string; displayName: string; position: Position; selfJoined?: boolean };

export type AuditEvent = {
  id: string;
  seq: number;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string;
  actor: { id: string; displayName: string } | null;
  details: Record<string, unknown>;
};
export type AuditPage = { events: AuditEvent[]; nextBefore: number | null };

export const isLanguage = (value: unknown): value is Language => value === 'nl' || value === 'en';
export const isRole = (value: unknown): value is Role => (roles as readonly unknown[]).includes(value);
export const isPosition = (value: unknown): value is Position => (positions as readonly unknown[]).includes(value);
