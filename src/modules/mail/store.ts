import { sql } from 'kysely';
import type { Db, DialectName } from '../../db/database.ts';
import type { MailOutboxTable } from '../../db/tables/mail.ts';

export type OutboxRow = MailOutboxTable;

export async function insertMail(db: Db, row: Omit<OutboxRow, 'status' | 'attempts' | 'claimed_at' | 'sent_at' | 'last_error_code'>): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({ ...row, status: 'queued', attempts: 0, claimed_at: null, sent_at: null, last_error_code: null })
    .execute();
}

/**
 * Takes the next due mail for this process: marks it `sending` in one transaction, so no other
 * process can take it. On PostgreSQL rows another process has locked are skipped rather than waited
 * for; on both databases the update only succeeds while the row is still `queued`.
 */
export async function claimNextDue(db: Db, dialect: DialectName, now: string): Promise<OutboxRow | undefined> {
  return db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('mail_outbox')
      .select('id')
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(1);
    if (dialect === 'postgres') due = due.forUpdate().skipLocked();
    const candidate = await due.executeTakeFirst();
    if (!candidate) return undefined;
    return trx
      .updateTable('mail_outbox')
      .set({ status: 'sending', claimed_at: now, attempts: sql<number>`attempts + 1` })
      .where('id', '=', candidate.id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  });
}

export async function markSent(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: now, last_error_code: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

export async function markRetry(db: Db, id: string, nextAttemptAt: string, code: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'queued', next_attempt_at: nextAttemptAt, claimed_at: null, last_error_code: code })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

export async function markFailed(db: Db, id: string, code: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ status: 'failed', last_error_code: code }).where('id', '=', id).where('status', '=', 'sending').execute();
}

/**
 * A mail left `sending` by a process that stopped mid-send may or may not have gone out. It is
 * given up rather than sent again: never twice weighs more than always.
 */
export async function giveUpInterrupted(db: Db, claimedBefore: string): Promise<number> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'failed', last_error_code: 'INTERRUPTED' })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', claimedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Sent and given-up mails hold an address (personal data) and are removed after a while. */
export async function removeFinished(db: Db, createdBefore: string): Promise<void> {
  await db.deleteFrom('mail_outbox').where('status', 'in', ['sent', 'failed']).where('created_at', '<', createdBefore).execute();
}

/** Every mail still waiting for an address, e.g. when the person behind it is erased. */
export async function removeForRecipient(db: Db, recipient: string): Promise<number> {
  const result = await db.deleteFrom('mail_outbox').where('recipient', '=', recipient.toLowerCase()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
