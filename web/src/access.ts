import { data, useParams } from 'react-router';
import { ApiError } from './api.ts';
import { fixedT } from './i18n.ts';
import { requireMe, useMe } from './session.ts';
import type { MeView, Organisation } from './types.ts';

/** "Mensen en teams" is for whoever may see the members or manage the teams. */
export const canOpenPeople = (org: Organisation) => org.can.viewMembers || org.can.manageTeams;

export function findOrganisation(me: MeView, orgId: string | undefined): Organisation | undefined {
  return me.organisations.find((org) => org.id === orgId);
}

/**
 * For loaders under /o/:orgId: the organisation, or a 404 when the person is not a member,
 * or a 403 when what they may do there (the server's flags in `org.can`) does not allow the page.
 */
export async function requireOrganisation(request: Request, orgId: string | undefined, allowed?: (org: Organisation) => boolean): Promise<Organisation> {
  const me = await requireMe(request);
  const org = findOrganisation(me, orgId);
  if (!org) throw data(null, { status: 404 });
  if (allowed && !allowed(org)) throw data(null, { status: 403 });
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
