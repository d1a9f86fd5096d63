/** One e-mail waiting to be sent, being sent, sent, or given up (see the 0100 migration). */
export interface MailOutboxTable {
  id: string;
  recipient: string;
  language: string;
  kind: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: MailStatus;
  attempts: number;
  next_attempt_at: string;
  claimed_at: string | null;
  sent_at: string | null;
  /** An SMTP or connection error code (e.g. `451`, `ECONNECTION`), never the server's message: that may quote the address. */
  last_error_code: string | null;
  created_at: string;
}

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface MailTables {
  mail_outbox: MailOutboxTable;
}
