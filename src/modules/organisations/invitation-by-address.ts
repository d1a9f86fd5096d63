import type { ServiceContext } from '../../core/context.ts';
import { recordAudit } from '../audit/service.ts';
import type { Position, Role } from './model.ts';
import { addMembership, setTeamMember } from './service.ts';
import * as store from './store.ts';

async function openInvitationFor(ctx: ServiceContext, organisationId: string, email: string) {
  const now = ctx.clock.now();
  return (await store.unusedInvitationsFor(ctx.db, organisationId, email)).find((row) => new Date(row.expires_at) > now);
}

/** Whether the organisation has an open invitation for this address. */
export const hasOpenInvitationFor = async (ctx: ServiceContext, organisationId: string, email: string): Promise<boolean> =>
  (await openInvitationFor(ctx, organisationId, email)) !== undefined;

/**
 * Redeems the organisation's open invitation for an address that the organisation's own sign-in
 * server has just verified (single sign-on): the person needs no link and no password. The role,
 * team and position are the invitation's, set by the admin. False when there was none (any more).
 */
export async function redeemInvitationForAddress(ctx: ServiceContext, organisationId: string, email: string, userId: string): Promise<boolean> {
  const invitation = await openInvitationFor(ctx, organisationId, email);
  const now = ctx.clock.now();
  if (!invitation || !(await store.claimInvitation(ctx.db, invitation.id, userId, now.toISOString()))) return false;
  if (!(await store.findMembership(ctx.db, organisationId, userId))) {
    await addMembership(ctx, { organisationId, userId, role: invitation.role as Role, actorUserId: userId });
  }
  if (invitation.team_id) {
    await setTeamMember(ctx, null, { organisationId, teamId: invitation.team_id, userId, position: (invitation.position ?? 'practitioner') as Position });
  }
  await recordAudit(ctx.db, now, {
    organisationId,
    actorUserId: userId,
    action: 'invitation.accepted',
    subjectType: 'invitation',
    subjectId: invitation.id,
    details: { via: 'sso' },
  });
  return true;
}
