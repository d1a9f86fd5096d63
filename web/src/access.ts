import { data, useParams } from 'react-router';
import { ApiError } from './api.ts';
import { fixedT } from './i18n.ts';
import { requireMe, useMe } from './session.ts';
import type { MeView, Organisation, Role } from './types.ts';

/** What each role may do; mirrors the server's policy table (src/core/policy.ts). */
const policies = {
  viewMembers: ['admin', 'coordinator'],
  manageMembers: ['admin'],
  manageInvitations: ['admin'],
  manageTeams: ['admin', 'coordinator'],
  viewAudit: ['admin'],
  managePrivacy: ['admin'],
  manageOrganisation: ['admin'],
  viewInstruments: ['admin', 'researcher', 'coordinator'],
  manageInstruments: ['admin', 'researcher'],
  viewRounds: ['admin', 'researcher', 'coordinator'],
  manageRounds: ['admin', 'researcher'],
  inviteRounds: ['admin', 'researcher', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type Policy = keyof typeof policies;

export function can(role: Role, policy: Policy): boolean {
  return (policies[policy] as readonly Role[]).includes(role);
}

/** "Mensen en teams" is for whoever may see the members or manage the teams. */
export const canOpenPeople = (role: Role) => can(role, 'viewMembers') || can(role, 'manageTeams');

export function findOrganisation(me: MeView, orgId: string | undefined): Organisation | undefined {
  return me.organisations.find((org) => org.id === orgId);
}

/**
 * For loaders under /o/:orgId: the organisation, or a 404 when the person is not a member,
 * or a 403 when their role does not allow the page.
 */
export async function requireOrganisation(request: Request, orgId: string | undefined, allowed?: (role: Role) => boolean): Promise<Organisation> {
  const me = await requireMe(request);
  const org = findOrganisation(me, orgId);
  if (!org) throw data(null, { status: 404 });
  if (allowed && !allowed(org.role)) throw data(null, { status: 403 });
  return org;
}

/** The organisation of the current /o/:orgId page. */
export function useOrganisation(): Organisation {
  const me = useMe();
  const { orgId } = useParams();
  const org = findOrganisation(me, orgId);
  // Happens when the person just lost access (for instance removed themselves); the error page explains.
  if (!org) throw new ApiError({ id: 'not_found', status: 404, message: fixedT()('error.notFoundText') });
  return org;
}
