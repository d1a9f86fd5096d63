import type { Config } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import type { Db, DialectName } from '../../db/database.ts';
import { type MailRequest, mailRequestSchema } from './model.ts';
import { renderMail } from './render.ts';
import { type MailSender, startMailSender } from './sender.ts';
import { insertMail, removeForRecipient } from './store.ts';
import { smtpTransport } from './transport.ts';

export type { MailRequest } from './model.ts';

type MailConfig = Pick<Config, 'mail'>;

/** Mail is sent only when SMTP_URL and MAIL_FROM are configured; otherwise everything stays in the app. */
export const mailEnabled = (config: MailConfig): boolean => config.mail !== undefined;

/**
 * Puts a mail in the outbox, rendered in the recipient's language, to be sent by the sender loop.
 * Pass a transaction as `db` to queue it together with what caused it. Without SMTP configured
 * nothing is stored and `{ queued: false }` comes back.
 */
export async function queueMail(
  ctx: { db: Db; clock: Clock; config: MailConfig },
  request: MailRequest,
): Promise<{ queued: false } | { queued: true; id: string }> {
  if (!mailEnabled(ctx.config)) return { queued: false };
  const parsed = mailRequestSchema.parse(request);
  const rendered = renderMail(parsed);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await insertMail(ctx.db, {
    id,
    recipient: parsed.to,
    language: parsed.language,
    kind: parsed.kind,
    subject: rendered.subject,
    text_body: rendered.text,
    html_body: rendered.html,
    next_attempt_at: now,
    created_at: now,
  });
  return { queued: true, id };
}

/** Removes every mail to this address from the outbox (sent or not), e.g. when the person is erased. */
export const forgetRecipient = (db: Db, address: string): Promise<number> => removeForRecipient(db, address);

/**
 * Starts the loop that sends the outbox through SMTP, or nothing when mail is not configured.
 * The app starts it at start-up and stops it on close.
 */
export function startMailDelivery(
  ctx: { db: Db; dialect: DialectName; clock: Clock; config: MailConfig },
  options: { pollMs?: number; onFailure?: (failure: { id: string; code: string; attempts: number; givenUp: boolean }) => void } = {},
): MailSender {
  const mail = ctx.config.mail;
  if (!mail) return { stop: async () => {} };
  return startMailSender(ctx, smtpTransport(mail.smtpUrl, mail.from), {
    from: mail.from,
    pollMs: options.pollMs ?? mail.pollMs,
    firstRetryMs: mail.firstRetryMs,
    ...(options.onFailure ? { onFailure: options.onFailure } : {}),
  });
}
