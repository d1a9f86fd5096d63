import { createHash } from 'node:crypto';
import { addMinutes } from '../../core/clock.ts';
import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { hashToken } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import type { AuditAction } from '../audit/model.ts';
import { recordAudit } from '../audit/service.ts';
import type { SessionView } from './self-service-model.ts';
import { deviceParts } from './session-device.ts';
import * as sessionStore from './session-store.ts';
import * as store from './store.ts';

/** A session's name in URLs: derived from the stored hash, so neither the cookie nor the key leaves the server. */
const sessionRef = (idHash: string): string => createHash('sha256').update(`session-ref:${idHash}`).digest('hex').slice(0, 32);

const day = (iso: string) => iso.slice(0, 10);

async function liveSessions(ctx: ServiceContext, userId: string) {
  const now = ctx.clock.now();
  return (await sessionStore.sessionsOfUser(ctx.db, userId)).filter(
    (s) => new Date(s.expires_at) > now && addMinutes(new Date(s.last_seen_at), ctx.config.session.idleMinutes) > now,
  );
}

/** The person's own sessions that still work: device in two names, dates to the day, which one is this one. */
export async function listOwnSessions(ctx: ServiceContext, actor: Actor, currentToken: string | undefined): Promise<SessionView[]> {
  const current = currentToken ? hashToken(currentToken) : undefined;
  return (await liveSessions(ctx, actor.userId)).map((s) => ({
    id: sessionRef(s.id_hash),
    ...deviceParts(s.device),
    lastUsedOn: day(s.last_seen_at),
    startedOn: day(s.created_at),
    current: s.id_hash === current,
  }));
}

const audit = (
  ctx: ServiceContext,
  {
    actorUserId,
    subjectId,
    organisationId,
    action,
    ended,
  }: { actorUserId: string; subjectId: string; organisationId: string | null; action: AuditAction; ended: number },
) =>
  inTransaction(ctx.db, (trx) =>
    recordAudit(trx, ctx.clock.now(), { organisationId, actorUserId, action, subjectType: 'user', subjectId, details: { ended } }),
  );

/** Ends one of the person's own sessions (another device, or this one). */
export async function endOwnSession(ctx: ServiceContext, actor: Actor, sessionId: string): Promise<void> {
  const session = (await sessionStore.sessionsOfUser(ctx.db, actor.userId)).find((s) => sessionRef(s.id_hash) === sessionId);
  if (!session) throw notFound();
  await sessionStore.deleteSessionOfUser(ctx.db, actor.userId, session.id_hash);
  await audit(ctx, { actorUserId: actor.userId, subjectId: actor.userId, organisationId: null, action: 'user.session_ended', ended: 1 });
}

/** Ends every session of the person except the one making this request. */
export async function endOtherOwnSessions(ctx: ServiceContext, actor: Actor, currentToken: string): Promise<number> {
  const ended = await sessionStore.deleteOtherSessions(ctx.db, actor.userId, hashToken(currentToken));
  await audit(ctx, { actorUserId: actor.userId, subjectId: actor.userId, organisationId: null, action: 'user.sessions_ended', ended });
  return ended;
}

/** An admin ends all sessions of a member of their organisation (a lost phone, someone who left in a hurry). */
export async function endSessionsAsAdmin(ctx: ServiceContext, actor: Actor, organisationId: string, userId: string): Promise<number> {
  authorize(actor, 'members.manage', organisationId);
  const roles = await store.rolesOfUser(ctx.db, userId);
  if (!roles.some((r) => r.organisation_id === organisationId)) throw notFound();
  if (userId === actor.userId) throw new AppError('conflict', { code: 'accounts.end_own_sessions' });
  const ended = await sessionStore.deleteAllSessions(ctx.db, userId);
  await audit(ctx, { actorUserId: actor.userId, subjectId: userId, organisationId, action: 'user.sessions_ended_by_admin', ended });
  return ended;
}
