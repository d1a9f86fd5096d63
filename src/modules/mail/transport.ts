import type { Transporter } from 'nodemailer';

export type OutgoingMail = { messageId: string; to: string; subject: string; text: string; html: string | undefined };

/** Hands a mail to SMTP; throws when the server does not accept it (nodemailer's error, with its code). */
export type MailTransport = { send: (mail: OutgoingMail) => Promise<void>; close: () => void };

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  // nodemailer loads with the first mail, not at start.
  let transporter: Promise<Transporter> | undefined;
  const open = () => {
    transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
    return transporter;
  };
  return {
    send: async (mail) => {
      await (await open()).sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
      });
    },
    close: () => void transporter?.then((t) => t.close()),
  };
}

/** A Message-ID made from the outbox row, so a receiving server could recognise the same mail. */
export function messageIdFor(outboxId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'kruisbestuiving.invalid';
  return `<${outboxId}@${domain}>`;
}
