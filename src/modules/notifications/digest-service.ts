import type { Language } from '../../core/language.ts';
import { inTransaction } from '../../db/database.ts';
import { mailEnabled, queueMail } from '../mail/service.ts';
import { digestMail } from './mail-texts.ts';
import type { EmailPreference } from './model.ts';
import { absoluteLink, DEFAULT_EMAIL, type NotifyContext } from './notify-service.ts';
import * as store from './store.ts';

const DAY_MS = 86_400_000;

class DigestTaken extends Error {}
const every: Record<'daily' | 'weekly', number> = { daily: DAY_MS, weekly: 7 * DAY_MS };

/**
 * The daily and weekly digests: one mail per person who has unread notifications not yet mailed,
 * when their last digest is a day (or a week) old. It says how many, and links to the inbox;
 * nothing else. Those notifications are then marked mailed, so none is mailed twice.
 */
export async function sendDigests(ctx: NotifyContext): Promise<{ sent: number }> {
  if (!mailEnabled(ctx.config)) return { sent: 0 };
  const now = ctx.clock.now();
  const pending = await store.unmailed(ctx.db);
  const byUser = new Map<string, typeof pending>();
  for (const row of pending) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const preferences = new Map((await store.preferencesOf(ctx.db, [...byUser.keys()])).map((p) => [p.user_id, p]));
  let sent = 0;
  for (const [userId, rows] of byUser) {
    const preference = preferences.get(userId);
    const choice = (preference?.email as EmailPreference | undefined) ?? DEFAULT_EMAIL;
    // 'immediate' rows were mailed when they happened (or mail was off then): they wait for nothing.
    if (choice !== 'daily' && choice !== 'weekly') continue;
    const last = preference?.last_digest_at ? Date.parse(preference.last_digest_at) : 0;
    if (now.getTime() - last < every[choice]) continue;
    const first = rows[0];
    if (!first) continue;
    // One digest per organisation would say the same twice; the link goes to the first organisation's inbox.
    const words = digestMail(rows.length, choice);
    const url = absoluteLink(ctx.config, `/o/${first.organisation_id}/meldingen`);
    const queued = await inTransaction(ctx.db, async (trx) => {
      // Claimed first: a digest another process is sending for the same rows is not sent again.
      if (
        (await store.claimForMail(
          trx,
          rows.map((r) => r.id),
          now.toISOString(),
        )) !== rows.length
      )
        throw new DigestTaken();
      await queueMail(
        { ...ctx, db: trx },
        {
          to: first.email,
          language: first.language as Language,
          kind: 'digest',
          subject: words.subject,
          paragraphs: words.paragraphs,
          ...(url ? { link: { url, label: words.label } } : {}),
        },
      );
      await store.savePreference(trx, { user_id: userId, email: choice, last_digest_at: null, updated_at: preference?.updated_at ?? now.toISOString() });
      await store.setLastDigest(trx, userId, now.toISOString());
      return true;
    }).catch((error: unknown) => {
      if (error instanceof DigestTaken) return false;
      throw error;
    });
    if (queued) sent++;
  }
  return { sent };
}

/** Looks for digests to send every hour while the app runs (each process; a digest is marked in the same transaction). */
export function startDigestSchedule(ctx: NotifyContext, intervalMs = 60 * 60 * 1000): { stop: () => void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sendDigests(ctx);
    } catch {
      // The next hour tries again; nothing was marked for a digest that failed.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
