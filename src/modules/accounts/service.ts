import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { organisationsOf, teamsOf } from '../organisations/service.ts';
import type { MeView } from './model.ts';
import { hashPassword, timingDummyHash, verifyPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { closeOpenResets } from './password-reset-store.ts';
import { endAllSessionsOf } from './sessions.ts';
import * as store from './store.ts';

/** Returns the user id when e-mail and password match an active account; the same error otherwise. */
export async function checkCredentials(ctx: ServiceContext, email: string, password: string): Promise<string> {
  const user = await store.findUserByEmail(ctx.db, email);
  if (!user) {
    await verifyPassword(await timingDummyHash(), password);
    throw new AppError('invalid_credentials');
  }
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok || user.disabled_at) throw new AppError('invalid_credentials');
  return user.id;
}

export async function recordSessionEvent(ctx: ServiceContext, userId: string, action: 'user.login' | 'user.logout'): Promise<void> {
  await recordAudit(ctx.db, ctx.clock.now(), { organisationId: null, actorUserId: userId, action, subjectType: 'user', subjectId: userId });
}

export async function me(ctx: ServiceContext, userId: string): Promise<MeView> {
  const user = await store.findUserById(ctx.db, userId);
  if (!user) throw new AppError('unauthenticated');
  const [organisations, teams] = await Promise.all([organisationsOf(ctx, userId), teamsOf(ctx, userId)]);
  return {
    user: { id: user.id, email: user.email, displayName: user.display_name, language: user.language as Language },
    organisations,
    teams,
  };
}

export async function updateMe(
  ctx: ServiceContext,
  actor: Actor,
  changes: { language?: Language | undefined; displayName?: string | undefined },
): Promise<MeView> {
  const set: { language?: Language; display_name?: string } = {};
  if (changes.language) set.language = changes.language;
  if (changes.displayName) set.display_name = changes.displayName;
  if (Object.keys(set).length > 0) {
    await inTransaction(ctx.db, async (trx) => {
      await store.updateUser(trx, actor.userId, set);
      await recordAudit(trx, ctx.clock.now(), {
        organisationId: null,
        actorUserId: actor.userId,
        action: 'user.updated',
        subjectType: 'user',
        subjectId: actor.userId,
        details: { fields: Object.keys(set).join(',') },
      });
    });
  }
  return me(ctx, actor.userId);
}

export type NewUser = { email: string; displayName: string; password: string; language?: Language };

/** Creates an account; the caller decides about memberships. Fails with conflict when the e-mail is taken. */
export async function createUser(ctx: ServiceContext, input: NewUser, actorUserId: string | null): Promise<string> {
  assertAcceptablePassword(input.password, input);
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx.db, async (trx) => {
    if (await store.findUserByEmail(trx, input.email)) throw new AppError('conflict', { code: 'accounts.email_taken' });
    const now = ctx.clock.now();
    await store.insertUser(trx, {
      id,
      email: input.email,
      display_name: input.displayName,
      password_hash: passwordHash,
      language: input.language ?? 'nl',
      created_at: now.toISOString(),
      disabled_at: null,
    });
    await recordAudit(trx, now, { organisationId: null, actorUserId: actorUserId ?? id, action: 'user.created', subjectType: 'user', subjectId: id });
  });
  return id;
}

export const findUserIdByEmail = async (ctx: ServiceContext, email: string): Promise<string | undefined> => (await store.findUserByEmail(ctx.db, email))?.id;

/** Sets a new password (command line, demo) and ends every session of that person, so a leaked session dies with the old password. */
export async function resetPassword(ctx: ServiceContext, email: string, password: string): Promise<void> {
  const user = await store.findUserByEmail(ctx.db, email);
  if (!user) throw notFound();
  assertAcceptablePassword(password, { email: user.email, displayName: user.display_name });
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx.db, async (trx) => {
    await store.updateUser(trx, user.id, { password_hash: passwordHash });
    await endAllSessionsOf({ ...ctx, db: trx }, user.id);
    await closeOpenResets(trx, user.id, ctx.clock.now().toISOString());
    await recordAudit(trx, ctx.clock.now(), {
      organisationId: null,
      actorUserId: null,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
}
