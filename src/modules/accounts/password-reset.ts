import { addMinutes } from '../../core/clock.ts';
import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { hashToken, newSecretToken } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { hashPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import * as resetStore from './password-reset-store.ts';
import * as sessionStore from './session-store.ts';
import * as store from './store.ts';

/** A reset link works once, for an hour. */
export const RESET_VALID_MINUTES = 60;

/** What a reset mail needs; the mailer (e-mail module) writes it in the person's language. */
export type ResetMail = { to: string; language: Language; displayName: string; link: string; expiresAt: Date; byAdmin: boolean };
export type ResetMailer = (db: Db, mail: ResetMail) => Promise<void>;

export const resetLinkPath = '/reset-password';

/** A new one-time link for the person (only its hash is stored). */
async function newResetLink(ctx: ServiceContext, db: Db, userId: string, origin: string): Promise<{ link: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  const token = newSecretToken();
  const expiresAt = addMinutes(now, RESET_VALID_MINUTES);
  await resetStore.deleteOldResets(db, addMinutes(now, -24 * 60).toISOString());
  await resetStore.insertReset(db, {
    token_hash: hashToken(token),
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    used_at: null,
  });
  // After the #, so the token never reaches a server log or a Referer header.
  return { link: `${origin}${resetLinkPath}#${token}`, expiresAt };
}

/**
 * "Forgot password": sends a link when the address belongs to an active account, and does nothing
 * (and records nothing) when it does not. The caller answers the same before this runs.
 */
export async function requestResetByEmail(ctx: ServiceContext, email: string, origin: string, mailer: ResetMailer): Promise<boolean> {
  const user = await store.findUserByEmail(ctx.db, email);
  if (!user || user.disabled_at) return false;
  await inTransaction(ctx.db, async (trx) => {
    const { link, expiresAt } = await newResetLink(ctx, trx, user.id, origin);
    await mailer(trx, { to: user.email, language: user.language as Language, displayName: user.display_name, link, expiresAt, byAdmin: false });
    await recordAudit(trx, ctx.clock.now(), {
      organisationId: null,
      actorUserId: null,
      action: 'user.password_reset_requested',
      subjectType: 'user',
      subjectId: user.id,
      details: { by: 'self' },
    });
  });
  return true;
}

/**
 * An admin starts a reset for a member: by mail when the server sends mail, else the admin gets the
 * link to hand over, once. The admin never sees or sets the password. Handing out a link that sets a
 * password is refused for someone who is also in an organisation where the actor is not an admin.
 */
export async function startResetAsAdmin(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, userId, origin, mailer }: { organisationId: string; userId: string; origin: string; mailer: ResetMailer | undefined },
): Promise<{ sent: boolean; link?: string; expiresAt?: string }> {
  authorize(actor, 'members.manage', organisationId);
  const roles = await store.rolesOfUser(ctx.db, userId);
  if (!roles.some((r) => r.organisation_id === organisationId)) throw notFound();
  const user = await store.findUserById(ctx.db, userId);
  if (!user || user.disabled_at) throw notFound();
  if (!mailer && roles.some((r) => actor.roles.get(r.organisation_id) !== 'admin')) {
    throw new AppError('conflict', { code: 'accounts.reset_other_organisation' });
  }
  return inTransaction(ctx.db, async (trx) => {
    const { link, expiresAt } = await newResetLink(ctx, trx, user.id, origin);
    if (mailer) await mailer(trx, { to: user.email, language: user.language as Language, displayName: user.display_name, link, expiresAt, byAdmin: true });
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'user.password_reset_requested',
      subjectType: 'user',
      subjectId: user.id,
      details: { by: 'admin', delivery: mailer ? 'mail' : 'link' },
    });
    return mailer ? { sent: true } : { sent: false, link, expiresAt: expiresAt.toISOString() };
  });
}

export const invalidLink = () => new AppError('not_found', { code: 'accounts.reset_link_invalid' });

/**
 * Sets a new password with a reset link: once, within the hour. Every session of the person ends
 * (whoever had their old password is signed out) and every other open link stops working. Does not
 * sign in: the person signs in with the new password (and their second factor, when they have one).
 */
export async function resetWithLink(ctx: ServiceContext, token: string, newPassword: string): Promise<string | undefined> {
  const tokenHash = hashToken(token);
  const open = await resetStore.findOpenReset(ctx.db, tokenHash, ctx.clock.now().toISOString());
  if (!open) return undefined;
  const user = await store.findUserById(ctx.db, open.user_id);
  if (!user || user.disabled_at) return undefined;
  assertAcceptablePassword(newPassword, { email: user.email, displayName: user.display_name }, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx.db, async (trx) => {
    const now = ctx.clock.now().toISOString();
    if (!(await resetStore.claimReset(trx, tokenHash, now))) throw invalidLink();
    await store.updateUser(trx, user.id, { password_hash: passwordHash });
    const ended = await sessionStore.deleteAllSessions(trx, user.id);
    await resetStore.closeOpenResets(trx, user.id, now);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId: null,
      actorUserId: user.id,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: user.id,
      details: { via: 'link', sessionsEnded: ended },
    });
  });
  return user.id;
}

/** The command line's `user reset-link`: a link for the operator to hand over (audited, no actor). */
export async function resetLinkForOperator(ctx: ServiceContext, email: string, origin: string): Promise<{ link: string; expiresAt: Date } | undefined> {
  const user = await store.findUserByEmail(ctx.db, email);
  if (!user || user.disabled_at) return undefined;
  return inTransaction(ctx.db, async (trx) => {
    const made = await newResetLink(ctx, trx, user.id, origin);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId: null,
      actorUserId: null,
      action: 'user.password_reset_requested',
      subjectType: 'user',
      subjectId: user.id,
      details: { by: 'cli', delivery: 'link' },
    });
    return made;
  });
}
