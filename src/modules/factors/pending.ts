import { addMinutes } from '../../core/clock.ts';
import type { ServiceContext } from '../../core/context.ts';
import { hashToken, newSecretToken } from '../../core/ids.ts';
import * as store from './store.ts';

/** Time to find the phone or the key after the password. */
export const PENDING_MINUTES = 5;
/** Wrong second steps one pending sign-in allows; then the password is asked again (and counted again). */
export const PENDING_MAX_FAILURES = 5;

/**
 * The half-signed-in state: the password was right and a second factor is still to come. It is a
 * row and a cookie only for the second-factor routes, never a session: nothing else knows it.
 */
export async function beginPending(ctx: ServiceContext, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  await store.deleteExpiredPending(ctx.db, now.toISOString());
  const token = newSecretToken();
  const expiresAt = addMinutes(now, PENDING_MINUTES);
  await store.insertPending(ctx.db, { id_hash: hashToken(token), user_id: userId, expires_at: expiresAt.toISOString() });
  return { token, expiresAt };
}

/** The person a pending sign-in is for, while it is fresh and has tries left. */
export async function pendingUser(ctx: ServiceContext, token: string): Promise<string | undefined> {
  const row = await store.findPending(ctx.db, hashToken(token));
  if (!row) return undefined;
  if (new Date(row.expires_at) <= ctx.clock.now() || row.failures >= PENDING_MAX_FAILURES) {
    await store.deletePending(ctx.db, row.id_hash);
    return undefined;
  }
  return row.user_id;
}

export const pendingFailed = (ctx: ServiceContext, token: string) => store.pendingFailed(ctx.db, hashToken(token));

/** Ends the pending sign-in; true for the one request that ended it (the one that may start a session). */
export const finishPending = (ctx: ServiceContext, token: string) => store.deletePending(ctx.db, hashToken(token));
