import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

export type Role = 'admin' | 'researcher' | 'coordinator' | 'member';
const everyone: readonly Role[] = ['admin', 'researcher', 'coordinator', 'member'];

/**
 * Who may do what inside an organisation. Every service checks one of these before it touches
 * data; the route-matrix test reads this table to know what each role should get.
 */
export const policies = {
  'organisation.view': everyone,
  'organisation.manage': ['admin'],
  'members.view': ['admin', 'coordinator'],
  'members.manage': ['admin'],
  'invitations.manage': ['admin'],
  'teams.view': everyone,
  'teams.manage': ['admin', 'coordinator'],
  'audit.view': ['admin'],
  // Retention settings and the register of processing (for the organisation's DPO).
  'privacy.manage': ['admin'],
  'instruments.view': ['admin', 'researcher', 'coordinator'],
  'instruments.manage': ['admin', 'researcher'],
  'rounds.view': ['admin', 'researcher', 'coordinator'],
  'rounds.manage': ['admin', 'researcher'],
  // Personal invitations, reminders and targets of a round (addresses, never answers).
  'rounds.invite': ['admin', 'researcher', 'coordinator'],
  'frameworks.manage': ['admin', 'researcher'],
  'reports.view': ['admin', 'researcher', 'coordinator', 'member'],
  'reports.raw': ['admin', 'researcher'],
  // Any role: the trajectory service then lets in the team's own members, and coordinators and admins.
  'trajecten.use': everyone,
  // Signals. Besides these roles, a team's coordinators and policy officers (by position) handle
  // the signals of their team, and policy officers see the signal report (signals/access.ts).
  'signals.view': everyone,
  'signals.raise': everyone,
  'signals.handle': ['admin', 'coordinator'],
  'signals.report': ['admin', 'researcher', 'coordinator'],
  // Qualitative coding of stories and reflections shared for research. Besides these roles, members an
  // admin or researcher invited code as co-researchers (coding/coresearch.ts), without managing the codebook.
  'coding.work': ['admin', 'researcher'],
  'coding.frequencies': ['admin', 'researcher', 'coordinator'],
  'stories.share': everyone,
  'stories.research': ['admin', 'researcher'],
  'photovoice.facilitate': ['admin', 'coordinator', 'member'],
  // Live meetings. A member runs only the meetings of their own team, or one they were made moderator of (meetings/access.ts).
  'meetings.run': everyone,
} as const satisfies Record<string, readonly Role[]>;

export type PolicyName = keyof typeof policies;

/**
 * The policies the web app shows or hides parts by, under the names the views carry them
 * (the /me view's organisations: `can.viewMembers` …). The browser reads these flags; it keeps no
 * copy of the table above.
 */
export const capabilityPolicies = {
  viewMembers: 'members.view',
  manageMembers: 'members.manage',
  manageInvitations: 'invitations.manage',
  manageTeams: 'teams.manage',
  viewAudit: 'audit.view',
  managePrivacy: 'privacy.manage',
  manageOrganisation: 'organisation.manage',
  viewInstruments: 'instruments.view',
  manageInstruments: 'instruments.manage',
  viewRounds: 'rounds.view',
  manageRounds: 'rounds.manage',
  inviteRounds: 'rounds.invite',
  workCoding: 'coding.work',
  viewCodingFrequencies: 'coding.frequencies',
  exportResponses: 'reports.raw',
  handleSignals: 'signals.handle',
  viewSignalReport: 'signals.report',
} as const satisfies Record<string, PolicyName>;

export type Capability = keyof typeof capabilityPolicies;
export type Capabilities = Record<Capability, boolean>;

/** What a person with this role may do in their organisation, as flags, from the table above. */
export function capabilitiesOf(role: Role): Capabilities {
  const flags = {} as Capabilities;
  for (const [capability, policy] of Object.entries(capabilityPolicies) as [Capability, PolicyName][]) {
    flags[capability] = (policies[policy] as readonly Role[]).includes(role);
  }
  return flags;
}

export function can(actor: Actor, policy: PolicyName, organisationId: string): boolean {
  const role = actor.roles.get(organisationId) as Role | undefined;
  return role !== undefined && (policies[policy] as readonly Role[]).includes(role);
}

/**
 * Someone outside the organisation learns nothing, not even that it exists: 404.
 * A member whose role does not allow the action gets 403.
 */
export function authorize(actor: Actor, policy: PolicyName, organisationId: string): void {
  if (!actor.roles.has(organisationId)) throw new AppError('not_found');
  if (!can(actor, policy, organisationId)) throw new AppError('forbidden');
}
