import { addMinutes } from '../../core/clock.ts';
import type { Actor, ServiceContext } from '../../core/context.ts';
import { hashToken, newSecretToken } from '../../core/ids.ts';
import { languageSchema } from '../../core/language.ts';
import * as store from './store.ts';

/** Refresh last_seen_at at most once a minute, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** A new random id at every log-in (no session fixation); only its hash is stored. */
export async function startSession(ctx: ServiceContext, userId: string, device?: string): Promise<{ token: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  const token = newSecretToken();
  const expiresAt = addMinutes(now, ctx.config.session.maxHours * 60);
  await store.insertSession(ctx.db, {
    id_hash: hashToken(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    device: device ?? null,
  });
  return { token, expiresAt };
}

/** The actor behind a session cookie, or undefined when it is unknown, idle too long, past its lifetime or disabled. */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<Actor | undefined> {
  const idHash = hashToken(token);
  const session = await store.findSession(ctx.db, idHash);
  if (!session) return undefined;
  const now = ctx.clock.now();
  const idleLimit = addMinutes(new Date(session.last_seen_at), ctx.config.session.idleMinutes);
  if (session.disabled_at || new Date(session.expires_at) <= now || idleLimit <= now) {
    await store.deleteSession(ctx.db, idHash);
    return undefined;
  }
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await store.touchSession(ctx.db, idHash, now.toISOString());
  }
  const roles = await store.rolesOfUser(ctx.db, session.user_id);
  return {
    userId: session.user_id,
    language: languageSchema.catch('nl').parse(session.language),
    roles: new Map(roles.map((r) => [r.organisation_id, r.role])),
  };
}

export const endSession = (ctx: ServiceContext, token: string) => store.deleteSession(ctx.db, hashToken(token));

export const endAllSessionsOf = (ctx: ServiceContext, userId: string) => store.deleteSessionsOfUser(ctx.db, userId);

export const purgeExpiredSessions = (ctx: ServiceContext) => store.deleteExpiredSessions(ctx.db, ctx.clock.now().toISOString());
