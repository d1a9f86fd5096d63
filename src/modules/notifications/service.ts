import type { Actor, ServiceContext } from '../../core/context.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import type { EmailPreference, InboxView, NotificationKind, NotificationView } from './model.ts';
import { DEFAULT_EMAIL } from './notify-service.ts';
import * as store from './store.ts';
import { notificationText } from './texts.ts';
import { waitingFor } from './waiting-service.ts';

/** The newest notifications shown in the inbox and its history. */
const HISTORY = 200;

const parse = (json: string): Record<string, unknown> => {
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** The start page and the inbox: what waits now, and the notifications (read and unread) with their history. */
export async function inbox(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<InboxView> {
  authorize(actor, 'organisation.view', organisationId);
  const [waiting, rows] = await Promise.all([waitingFor(ctx, actor, organisationId), store.listNotifications(ctx.db, organisationId, actor.userId, HISTORY)]);
  const notifications: NotificationView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    text: notificationText(r.kind, parse(r.params), actor.language),
    link: r.link,
    at: r.created_at,
    read: r.read_at !== null,
  }));
  const unread = await store.countUnread(ctx.db, organisationId, actor.userId);
  return { waiting, notifications, unread, count: waiting.length + unread };
}

/** The header's badge: what waits plus the unread notifications. */
export async function inboxCount(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<{ count: number }> {
  authorize(actor, 'organisation.view', organisationId);
  const [waiting, unread] = await Promise.all([waitingFor(ctx, actor, organisationId), store.countUnread(ctx.db, organisationId, actor.userId)]);
  return { count: waiting.length + unread };
}

export async function markRead(ctx: ServiceContext, actor: Actor, organisationId: string, ids: string[] | undefined): Promise<{ marked: number }> {
  authorize(actor, 'organisation.view', organisationId);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const marked = await store.markRead(trx, organisationId, actor.userId, ids, now.toISOString());
    if (marked > 0)
      await recordAudit(trx, now, {
        organisationId,
        actorUserId: actor.userId,
        action: 'notification.read',
        subjectType: 'user',
        subjectId: actor.userId,
        details: { count: marked },
      });
    return { marked };
  });
}

export async function emailPreferenceOf(ctx: ServiceContext, userId: string): Promise<EmailPreference> {
  return ((await store.findPreference(ctx.db, userId))?.email as EmailPreference | undefined) ?? DEFAULT_EMAIL;
}

export async function setEmailPreference(ctx: ServiceContext, actor: Actor, email: EmailPreference): Promise<EmailPreference> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.savePreference(trx, { user_id: actor.userId, email, last_digest_at: null, updated_at: now.toISOString() });
    await recordAudit(trx, now, {
      organisationId: null,
      actorUserId: actor.userId,
      action: 'notification.preferences_changed',
      subjectType: 'user',
      subjectId: actor.userId,
      details: { email },
    });
  });
  return email;
}
