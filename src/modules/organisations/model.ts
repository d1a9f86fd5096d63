import * as z from 'zod';
import { type Capability, capabilityPolicies } from '../../core/policy.ts';
import { displayNameSchema, emailSchema, idSchema } from '../../core/schemas.ts';

export const sectors = ['ggz', 'verslavingszorg', 'jeugdhulp', 'other'] as const;
export const sectorSchema = z.enum(sectors);
export type Sector = z.infer<typeof sectorSchema>;

/** What a person may do in an organisation. */
export const roles = ['admin', 'researcher', 'coordinator', 'member'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Where a person stands in a team; experience workers are full members like the others. */
export const positions = ['practitioner', 'coordinator', 'policy_officer', 'experience_worker'] as const;
export const positionSchema = z.enum(positions);
export type Position = z.infer<typeof positionSchema>;

export const teamNameSchema = z.string().trim().min(1).max(100);

export const teamParams = z.strictObject({ orgId: idSchema, teamId: idSchema });
export const teamMemberParams = z.strictObject({ orgId: idSchema, teamId: idSchema, userId: idSchema });
export const invitationParams = z.strictObject({ orgId: idSchema, invitationId: idSchema });

/** One flag per capability: true when the person's role passes that policy (src/core/policy.ts). */
export const capabilitiesView = z
  .object(
    Object.fromEntries(
      Object.entries(capabilityPolicies).map(([capability, policy]) => [capability, z.boolean().describe(`The role passes the policy ${policy}.`)]),
    ) as Record<Capability, z.ZodBoolean>,
  )
  .describe('What the person may do in this organisation, worked out on the server from their role and the policy table.');

export const organisationView = z.object({
  id: idSchema,
  name: z.string(),
  sector: sectorSchema,
  disclosureThreshold: z.number().int(),
  role: roleSchema,
  can: capabilitiesView,
});
export type OrganisationView = z.infer<typeof organisationView>;
export type CapabilitiesView = z.infer<typeof capabilitiesView>;

export const memberView = z.object({
  userId: idSchema,
  displayName: z.string(),
  email: z.string(),
  role: roleSchema,
  since: z.string(),
});
export type MemberView = z.infer<typeof memberView>;
export const memberListView = z.object({ members: z.array(memberView) });

export const changeRoleInput = z.strictObject({ role: roleSchema });

export const teamView = z.object({ id: idSchema, name: z.string(), memberCount: z.number().int() });
export type TeamView = z.infer<typeof teamView>;
export const teamListView = z.object({ teams: z.array(teamView) });
export const teamInput = z.strictObject({ name: teamNameSchema });

export const teamMemberView = z.object({
  userId: idSchema,
  displayName: z.string(),
  position: positionSchema,
  /** Added themselves: shown to the team; such a membership does not open team-only stories. */
  selfJoined: z.boolean(),
});
export type TeamMemberView = z.infer<typeof teamMemberView>;
export const teamMemberListView = z.object({ team: teamView, members: z.array(teamMemberView) });
export const teamMemberInput = z.strictObject({ position: positionSchema });

export const createInvitationInput = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  teamId: idSchema.optional(),
  position: positionSchema.optional(),
});
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;

export const invitationView = z.object({
  id: idSchema,
  email: z.string(),
  role: roleSchema,
  teamId: idSchema.nullable(),
  position: positionSchema.nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['open', 'accepted', 'revoked', 'expired']),
});
export type InvitationView = z.infer<typeof invitationView>;
export const invitationListView = z.object({ invitations: z.array(invitationView) });
/** The link is shown once, to the admin who made it; only its hash is stored. */
export const createdInvitationView = z.object({ invitation: invitationView, link: z.string(), token: z.string() });
export type CreatedInvitationView = z.infer<typeof createdInvitationView>;

export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const invitationLookupInput = z.strictObject({ token: invitationTokenSchema });
export const invitationPreview = z.object({
  organisationId: idSchema,
  organisationName: z.string(),
  email: z.string(),
  role: roleSchema,
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreview>;
export const acceptInvitationInput = z.strictObject({
  token: invitationTokenSchema,
  displayName: displayNameSchema.optional(),
  password: z.string().min(1).max(256),
});

/** The disclosure threshold an organisation may choose: at least 5 (the platform's promise), at most 50. */
export const MIN_THRESHOLD = 5;
export const MAX_THRESHOLD = 50;
export const organisationSettingsInput = z.strictObject({ disclosureThreshold: z.number().int().min(MIN_THRESHOLD).max(MAX_THRESHOLD) });
export const organisationSettingsView = z.object({ disclosureThreshold: z.number().int() });
export type OrganisationSettings = z.infer<typeof organisationSettingsView>;

/** The answers of this module's routes, for the web app (`import type`). */
export type InvitationListView = z.infer<typeof invitationListView>;
export type MemberListView = z.infer<typeof memberListView>;
export type TeamListView = z.infer<typeof teamListView>;
export type TeamMemberListView = z.infer<typeof teamMemberListView>;
