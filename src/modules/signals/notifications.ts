import type { Actor, ServiceContext } from '../../core/context.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import type { NotificationView } from './model.ts';
import { visibleSignals } from './service.ts';
import * as store from './store.ts';
import type { SignalStatus } from './workflow.ts';

const LIMIT = 100;

/** What happened with the signals a person raised or was asked to check: newest first. */
export async function listNotifications(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
): Promise<{ notifications: NotificationView[]; unread: number }> {
  authorize(actor, 'signals.view', organisationId);
  // Someone who left the team no longer reads about its signals, not even their titles.
  const visible = new Set((await visibleSignals(ctx, actor, organisationId)).rows.map((r) => r.id));
  const rows = (await store.listNotifications(ctx.db, organisationId, actor.userId, LIMIT)).filter((r) => visible.has(r.signal_id));
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationView['kind'],
      signalId: r.signal_id,
      signalTitle: r.title,
      status: r.status as SignalStatus,
      at: r.at,
      read: r.read_at !== null,
    })),
    unread: rows.filter((r) => r.read_at === null).length,
  };
}

export async function markNotificationsRead(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<{ marked: number }> {
  authorize(actor, 'signals.view', organisationId);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const marked = await store.markNotificationsRead(trx, organisationId, actor.userId, now.toISOString());
    if (marked > 0)
      await recordAudit(trx, now, {
        organisationId,
        actorUserId: actor.userId,
        action: 'signal.notifications_read',
        subjectType: 'user',
        subjectId: actor.userId,
        details: { count: marked },
      });
    return { marked };
  });
}
