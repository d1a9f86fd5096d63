import { addMinutes } from '../../core/clock.ts';
import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { hashToken, newId, newSecretToken } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import type { InvitationTable } from '../../db/schema.ts';
import { checkCredentials, createUser, findUserIdByEmail } from '../accounts/service.ts';
import { recordAudit } from '../audit/service.ts';
import type { CreateInvitationInput, InvitationView, Position, Role } from './model.ts';
import { addMembership, setTeamMember } from './service.ts';
import * as store from './store.ts';

function present(row: InvitationTable, now: Date): InvitationView {
  const status = row.accepted_at ? 'accepted' : row.revoked_at ? 'revoked' : new Date(row.expires_at) <= now ? 'expired' : 'open';
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    teamId: row.team_id,
    position: row.position as Position | null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status,
  };
}

/**
 * The link carries the token in its fragment (#), which browsers never send to a server,
 * so it does not end up in access logs or Referer headers.
 */
export async function createInvitation(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  input: CreateInvitationInput,
  baseUrl: string,
): Promise<{ invitation: InvitationView; link: string; token: string }> {
  authorize(actor, 'invitations.manage', organisationId);
  if (input.position && !input.teamId) {
    throw new AppError('validation_failed', { issues: [{ path: 'teamId', message: 'team_required_for_position' }] });
  }
  const token = newSecretToken();
  const now = ctx.clock.now();
  const row: InvitationTable = {
    id: newId(),
    organisation_id: organisationId,
    email: input.email,
    role: input.role,
    team_id: input.teamId ?? null,
    position: input.teamId ? (input.position ?? 'practitioner') : null,
    token_hash: hashToken(token),
    created_by: actor.userId,
    created_at: now.toISOString(),
    expires_at: addMinutes(now, ctx.config.inviteValidDays * 24 * 60).toISOString(),
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  };
  await inTransaction(ctx.db, async (trx) => {
    if (input.teamId && !(await store.findTeam(trx, organisationId, input.teamId))) throw notFound();
    const existingUser = await findUserIdByEmail({ ...ctx, db: trx }, input.email);
    if (existingUser && (await store.findMembership(trx, organisationId, existingUser))) {
      throw new AppError('conflict', { code: 'organisations.already_member' });
    }
    await store.insertInvitation(trx, row);
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: row.id,
      details: { role: row.role, teamId: row.team_id, position: row.position },
    });
  });
  return { invitation: present(row, now), link: `${baseUrl.replace(/\/$/, '')}/invite#${token}`, token };
}

export async function listInvitations(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<InvitationView[]> {
  authorize(actor, 'invitations.manage', organisationId);
  const now = ctx.clock.now();
  return (await store.listInvitations(ctx.db, organisationId)).map((row) => present(row, now));
}

export async function revokeInvitation(ctx: ServiceContext, actor: Actor, organisationId: string, invitationId: string): Promise<void> {
  authorize(actor, 'invitations.manage', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    const row = await store.findInvitation(trx, organisationId, invitationId);
    if (!row) throw notFound();
    if (row.accepted_at || row.revoked_at) throw new AppError('conflict', { code: 'organisations.invitation_closed' });
    await store.revokeInvitation(trx, invitationId, ctx.clock.now().toISOString());
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'invitation.revoked',
      subjectType: 'invitation',
      subjectId: invitationId,
    });
  });
}

async function openInvitation(ctx: ServiceContext, token: string): Promise<InvitationTable> {
  const row = await store.findInvitationByTokenHash(ctx.db, hashToken(token));
  if (!row || present(row, ctx.clock.now()).status !== 'open') throw new AppError('invitation_invalid');
  return row;
}

export async function lookupInvitation(ctx: ServiceContext, token: string) {
  const row = await openInvitation(ctx, token);
  const organisation = await store.findOrganisation(ctx.db, row.organisation_id);
  if (!organisation) throw new AppError('invitation_invalid');
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    email: row.email,
    role: row.role as Role,
    accountExists: (await findUserIdByEmail(ctx, row.email)) !== undefined,
  };
}

/**
 * Redeems a one-time link. A new person chooses a name and password; someone who already has an
 * account proves it with their password. Returns the user id to start a session for.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  input: { token: string; displayName?: string | undefined; password: string },
  language: Language,
): Promise<string> {
  const invitation = await openInvitation(ctx, input.token);
  let userId = await findUserIdByEmail(ctx, invitation.email);
  if (userId) {
    await checkCredentials(ctx, invitation.email, input.password);
  } else if (!input.displayName) {
    throw new AppError('validation_failed', { issues: [{ path: 'displayName', message: 'required' }] });
  }
  // A new account's password is checked by createUser (accounts/password-policy.ts), in the person's language.
  const accountExists = userId !== undefined;
  await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    userId ??= await createUser(tctx, { email: invitation.email, displayName: input.displayName ?? '', password: input.password, language }, null);
    if (!(await store.claimInvitation(trx, invitation.id, userId, ctx.clock.now().toISOString()))) {
      throw new AppError('invitation_invalid');
    }
    if (!(await store.findMembership(trx, invitation.organisation_id, userId))) {
      await addMembership(tctx, { organisationId: invitation.organisation_id, userId, role: invitation.role as Role, actorUserId: userId });
    }
    if (invitation.team_id) {
      await setTeamMember(tctx, null, {
        organisationId: invitation.organisation_id,
        teamId: invitation.team_id,
        userId,
        position: (invitation.position ?? 'practitioner') as Position,
      });
    }
    await recordAudit(trx, ctx.clock.now(), {
      organisationId: invitation.organisation_id,
      actorUserId: userId,
      action: 'invitation.accepted',
      subjectType: 'invitation',
      subjectId: invitation.id,
      details: { accountExisted: accountExists },
    });
  });
  if (!userId) throw new AppError('internal');
  return userId;
}
