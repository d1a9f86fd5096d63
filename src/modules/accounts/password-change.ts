import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { hashToken } from '../../core/ids.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import * as resetStore from './password-reset-store.ts';
import * as sessionStore from './session-store.ts';
import * as store from './store.ts';

/** The sign-in throttle (limits module), passed in: a wrong current password counts as a wrong sign-in. */
export type PasswordGuessThrottle = { check(email: string): Promise<void>; failed(email: string): Promise<void>; succeeded(email: string): Promise<void> };

/**
 * A signed-in person changes their password: the current one is asked (a session left open on a
 * shared computer is not enough), every other session of theirs ends and open reset links stop
 * working. Returns how many other sessions ended.
 */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  currentToken: string,
  input: { currentPassword: string; newPassword: string },
  throttle: PasswordGuessThrottle,
): Promise<number> {
  const user = await store.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('unauthenticated');
  await throttle.check(user.email);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await throttle.failed(user.email);
    throw new AppError('validation_failed', {
      code: 'accounts.wrong_current_password',
      issues: [{ path: 'currentPassword', code: 'accounts.wrong_current_password' }],
    });
  }
  await throttle.succeeded(user.email);
  assertAcceptablePassword(input.newPassword, { email: user.email, displayName: user.display_name }, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    await store.updateUser(trx, user.id, { password_hash: passwordHash });
    const ended = await sessionStore.deleteOtherSessions(trx, user.id, hashToken(currentToken));
    await resetStore.closeOpenResets(trx, user.id, now.toISOString());
    await recordAudit(trx, now, {
      organisationId: null,
      actorUserId: user.id,
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      details: { otherSessionsEnded: ended },
    });
    return ended;
  });
}
