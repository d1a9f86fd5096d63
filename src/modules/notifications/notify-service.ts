import type { Config } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import type { Db } from '../../db/database.ts';
import { mailEnabled, queueMail } from '../mail/service.ts';
import { immediateMail } from './mail-texts.ts';
import type { EmailPreference, NotificationKind } from './model.ts';
import * as store from './store.ts';

/** The default when a person never chose: a daily digest. */
export const DEFAULT_EMAIL: EmailPreference = 'daily';

export type NotifyContext = { db: Db; clock: Clock; config: Pick<Config, 'mail' | 'publicUrl'> };

export type NotifyInput = {
  organisationId: string;
  userIds: readonly string[];
  kind: NotificationKind;
  /** The thing it is about (a signal, a charter version). */
  subjectId: string;
  /** What changed at that step (a signal's new status, a version number): numbers and codes, never free text. */
  params: Record<string, string | number>;
  /** The path in the app where the thing is. */
  link: string;
};

/** An absolute address for a mail, when the platform knows its own (PUBLIC_URL). */
export const absoluteLink = (config: Pick<Config, 'publicUrl'>, path: string): string | undefined =>
  config.publicUrl ? `${config.publicUrl.replace(/\/$/, '')}${path}` : undefined;

/**
 * The one way other modules tell a person something happened: called by their services with their
 * transaction as `ctx.db`, so the notification exists exactly when the change does. It stores what
 * changed at that step. Whoever wants e-mail right away gets it queued in the same transaction (the
 * mail outbox sends it once); the others hear in their digest (digest-service.ts), or not at all.
 */
export async function notify(ctx: NotifyContext, input: NotifyInput): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const params = JSON.stringify(input.params);
  const rows = [...new Set(input.userIds)].map((userId) => ({
    id: newId(),
    organisation_id: input.organisationId,
    user_id: userId,
    kind: input.kind,
    subject_id: input.subjectId,
    params,
    link: input.link,
    created_at: at,
    read_at: null,
    mailed_at: null,
  }));
  await store.insertNotifications(ctx.db, rows);
  if (!mailEnabled(ctx.config) || rows.length === 0) return;
  const preferences = new Map(
    (
      await store.preferencesOf(
        ctx.db,
        rows.map((r) => r.user_id),
      )
    ).map((p) => [p.user_id, p.email]),
  );
  const immediate = rows.filter((r) => (preferences.get(r.user_id) ?? DEFAULT_EMAIL) === 'immediate');
  if (immediate.length === 0) return;
  const recipients = new Map(
    (
      await store.recipients(
        ctx.db,
        immediate.map((r) => r.user_id),
      )
    ).map((u) => [u.id, u]),
  );
  const words = immediateMail(input.kind, input.params);
  const url = absoluteLink(ctx.config, input.link);
  const mailed: string[] = [];
  for (const row of immediate) {
    const person = recipients.get(row.user_id);
    if (!person) continue;
    await queueMail(ctx, {
      to: person.email,
      language: person.language as Language,
      kind: 'notification',
      subject: words.subject,
      paragraphs: words.paragraphs,
      ...(url ? { link: { url, label: words.label } } : {}),
    });
    mailed.push(row.id);
  }
  await store.markMailed(ctx.db, mailed, at);
}
