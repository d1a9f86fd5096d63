import type { Actor, ServiceContext } from '../../core/context.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import type { NotificationView } from './model.ts';
import { authorsOfLinkedStories, visibleSignals } from './service.ts';
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
  const visibleRows = (await visibleSignals(ctx, actor, organisationId)).rows;
  const visible = new Set(visibleRows.map((r) => r.id));
  const rows = (await store.listNotifications(ctx.db, organisationId, actor.userId, LIMIT)).filter((r) => visible.has(r.signal_id));
  // A step's notification says where that step took the signal (written in the same transaction, at the same time).
  const steps = await store.stepStatuses(ctx.db, [...new Set(rows.filter((r) => r.kind === 'step' || r.kind === 'feedback').map((r) => r.signal_id))]);
  const stepStatus = new Map(steps.map((s) => [`${s.signal_id}|${s.at}`, s.to_status]));
  const stored: NotificationView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationView['kind'],
    signalId: r.signal_id,
    signalTitle: r.title,
    status: (stepStatus.get(`${r.signal_id}|${r.at}`) ?? r.status) as SignalStatus,
    at: r.at,
    read: r.read_at !== null,
  }));
  const notifications = [...stored, ...(await checkRequestsAsAuthor(ctx, actor, organisationId, visibleRows))].sort((a, b) => b.at.localeCompare(a.at));
  return { notifications, unread: notifications.filter((n) => !n.read).length };
}

/**
 * A theme from coded stories asks the authors of those stories to check it. Whoever raised it may
 * not know who the authors are (researchers read stories without names), so the request is worked
 * out here, from the author's own reading: a theme being checked that links a story of theirs.
 * It counts as read once they responded.
 */
async function checkRequestsAsAuthor(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  rows: Awaited<ReturnType<typeof visibleSignals>>['rows'],
): Promise<NotificationView[]> {
  const checking = rows.filter((r) => r.status === 'member_check');
  if (checking.length === 0) return [];
  const mine = await authorsOfLinkedStories(
    ctx,
    actor,
    organisationId,
    checking.map((r) => r.id),
  );
  if (mine.size === 0) return [];
  const ids = [...mine];
  const notified = new Set(await store.notifiedSignals(ctx.db, actor.userId, ids, 'member_check_requested'));
  const answered = new Set(await store.checkedSignals(ctx.db, actor.userId, ids));
  return checking
    .filter((r) => mine.has(r.id) && !notified.has(r.id))
    .map((r) => ({
      id: r.id,
      kind: 'member_check_requested' as const,
      signalId: r.id,
      signalTitle: r.title,
      status: r.status as SignalStatus,
      at: r.created_at,
      read: answered.has(r.id),
    }));
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
