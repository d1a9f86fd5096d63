import type { Clock } from '../../core/clock.ts';
import type { Db, DialectName } from '../../db/database.ts';
import { errorCode, FIRST_RETRY_MS, isPermanent, MAX_ATTEMPTS, retryDelayMs } from './backoff.ts';
import { claimNextDue, giveUpInterrupted, markFailed, markRetry, markSent, removeFinished } from './store.ts';
import { type MailTransport, messageIdFor } from './transport.ts';

export type SenderContext = { db: Db; dialect: DialectName; clock: Clock };

export type SenderOptions = {
  from: string;
  /** Wait before the first retry (doubling after each failure). */
  firstRetryMs?: number;
  /** Most mails one pass sends, so a long queue does not hold the process. */
  batch?: number;
  /** Told each failed attempt, with the outbox id and a code (no address, no server message). */
  onFailure?: (failure: { id: string; code: string; attempts: number; givenUp: boolean }) => void;
};

const INTERRUPTED_AFTER_MS = 15 * 60_000;
const KEEP_FINISHED_MS = 7 * 24 * 60 * 60_000;

/** Sends the mails that are due, one claimed row at a time; returns how many were handed to SMTP. */
export async function sendDueMail(ctx: SenderContext, transport: MailTransport, options: SenderOptions): Promise<number> {
  const started = ctx.clock.now().getTime();
  await giveUpInterrupted(ctx.db, new Date(started - INTERRUPTED_AFTER_MS).toISOString());
  await removeFinished(ctx.db, new Date(started - KEEP_FINISHED_MS).toISOString());
  let sent = 0;
  for (let i = 0; i < (options.batch ?? 50); i++) {
    const row = await claimNextDue(ctx.db, ctx.dialect, ctx.clock.now().toISOString());
    if (!row) break;
    try {
      await transport.send({
        messageId: messageIdFor(row.id, options.from),
        to: row.recipient,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body ?? undefined,
      });
    } catch (error) {
      const code = errorCode(error);
      const givenUp = isPermanent(code) || row.attempts >= MAX_ATTEMPTS;
      if (givenUp) await markFailed(ctx.db, row.id, code);
      else
        await markRetry(
          ctx.db,
          row.id,
          new Date(ctx.clock.now().getTime() + retryDelayMs(row.attempts, options.firstRetryMs ?? FIRST_RETRY_MS)).toISOString(),
          code,
        );
      options.onFailure?.({ id: row.id, code, attempts: row.attempts, givenUp });
      continue;
    }
    await markSent(ctx.db, row.id, ctx.clock.now().toISOString());
    sent++;
  }
  return sent;
}

export type MailSender = { stop: () => Promise<void> };

/**
 * Sends due mail every `pollMs` until stopped. One pass at a time per process; other processes may
 * run their own loop on the same database (the claim keeps them from sending a mail twice).
 */
export function startMailSender(ctx: SenderContext, transport: MailTransport, options: SenderOptions & { pollMs: number }): MailSender {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = sendDueMail(ctx, transport, options)
      .catch(() => {})
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, options.pollMs);
        timer.unref();
      });
  };
  timer = setTimeout(tick, options.pollMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
