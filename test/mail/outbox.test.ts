import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/core/clock.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { sendDueMail } from '../../src/modules/mail/sender.ts';
import { mailEnabled, queueMail } from '../../src/modules/mail/service.ts';
import { smtpTransport } from '../../src/modules/mail/transport.ts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

const FROM = 'Kruisbestuiving <noreply@kruisbestuiving.test>';

const movableClock = (start: string) => {
  let now = new Date(start).getTime();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
};

const request = (n: number, language: 'nl' | 'en' = 'nl') => ({
  to: `persoon${n}@example.org`,
  language,
  kind: 'test_mail',
  subject: { nl: `Er wacht iets op je (${n})`, en: `Something waits for you (${n})` },
  paragraphs: { nl: ['Er staat iets voor je klaar.'], en: ['Something is ready for you.'] },
  link: { url: 'https://kruisbestuiving.test/start', label: { nl: 'Bekijk het', en: 'See it' } },
});

describeEachDatabase('mail outbox', (dialect) => {
  let handle: DatabaseHandle;
  let testDb: TestDatabase;
  let close: () => Promise<void>;
  let smtp: TestSmtp;

  beforeEach(async () => {
    ({ handle, testDb, close } = await openTestDatabase(dialect));
    smtp = await startTestSmtp();
  });
  afterEach(async () => {
    await smtp.close();
    await close();
  });

  const configWithMail = () => ({ ...loadConfig({}), mail: { smtpUrl: smtp.url, from: FROM, pollMs: 50, firstRetryMs: 60_000 } });

  it('delivers a queued mail in the recipient language, with the link and the sender', async () => {
    const { clock } = movableClock('2026-12-06T10:00:00.000Z');
    const ctx = { db: handle.db, dialect: handle.dialect, clock, config: configWithMail() };
    expect(await queueMail(ctx, request(1, 'en'))).toMatchObject({ queued: true });
    const transport = smtpTransport(smtp.url, FROM);
    expect(await sendDueMail(ctx, transport, { from: FROM })).toBe(1);
    transport.close();

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(['persoon1@example.org']);
    expect(mail?.from).toBe('noreply@kruisbestuiving.test');
    expect(mail?.subject).toBe('Something waits for you (1)');
    expect(mail?.text).toContain('Something is ready for you.');
    expect(mail?.text).toContain('https://kruisbestuiving.test/start');
    expect(mail?.html).toContain('<html lang="en">');
    expect(mail?.messageId).toMatch(/@kruisbestuiving\.test>$/);

    const row = await handle.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
    expect(row.sent_at).toBe('2026-12-06T10:00:00.000Z');
  });

  it('retries a refused mail with growing waits and sends it once the server accepts', async () => {
    const { clock, advance } = movableClock('2026-12-06T10:00:00.000Z');
    const ctx = { db: handle.db, dialect: handle.dialect, clock, config: configWithMail() };
    await queueMail(ctx, request(2));
    const transport = smtpTransport(smtp.url, FROM);
    smtp.refuseNext(2, 451);

    expect(await sendDueMail(ctx, transport, { from: FROM, firstRetryMs: 60_000 })).toBe(0);
    let row = await handle.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error_code: '451', next_attempt_at: '2026-12-06T10:01:00.000Z' });

    advance(59_000); // not yet due
    expect(await sendDueMail(ctx, transport, { from: FROM, firstRetryMs: 60_000 })).toBe(0);
    expect(smtp.refused()).toBe(1);

    advance(1_000);
    expect(await sendDueMail(ctx, transport, { from: FROM, firstRetryMs: 60_000 })).toBe(0);
    row = await handle.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    // The second wait is twice the first.
    expect(row).toMatchObject({ status: 'queued', attempts: 2, next_attempt_at: '2026-12-06T10:03:00.000Z' });

    advance(120_000);
    expect(await sendDueMail(ctx, transport, { from: FROM, firstRetryMs: 60_000 })).toBe(1);
    transport.close();
    expect(smtp.refused()).toBe(2);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Er wacht iets op je (2)']);
    row = await handle.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error_code: null });
  });

  it('gives up at once on an address the server says does not exist, keeping only the code', async () => {
    const { clock } = movableClock('2026-12-06T10:00:00.000Z');
    const ctx = { db: handle.db, dialect: handle.dialect, clock, config: configWithMail() };
    await queueMail(ctx, request(3));
    smtp.refuseNext(1, 550);
    const transport = smtpTransport(smtp.url, FROM);
    await sendDueMail(ctx, transport, { from: FROM });
    transport.close();
    const row = await handle.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error_code: '550' });
  });

  it('never sends a mail twice when two processes send the same outbox at once', async () => {
    const { clock } = movableClock('2026-12-06T10:00:00.000Z');
    const ctx = { db: handle.db, dialect: handle.dialect, clock, config: configWithMail() };
    for (let n = 0; n < 30; n++) await queueMail(ctx, request(n));
    // On PostgreSQL a second connection pool to the same database, as another app process has. A
    // second SQLite handle in this one process would block the event loop while the first holds
    // its write lock, so there the racing loops share the handle (a process of their own is the
    // same as this for SQLite: one writer at a time).
    const other = dialect === 'postgres' ? openDatabase(testDb.database) : { ...handle, close: async () => {} };
    const otherCtx = { ...ctx, db: other.db, dialect: other.dialect };
    const senders = [ctx, otherCtx, ctx, otherCtx].map((senderCtx) => ({ senderCtx, transport: smtpTransport(smtp.url, FROM) }));
    const transports = senders.map((s) => s.transport);
    try {
      const counts = await Promise.all(senders.map(({ senderCtx, transport }) => sendDueMail(senderCtx, transport, { from: FROM, batch: 100 })));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    } finally {
      for (const t of transports) t.close();
      await other.close();
    }
    const subjects = smtp.received.map((m) => m.subject);
    expect(subjects).toHaveLength(30);
    expect(new Set(subjects).size).toBe(30);
    const statuses = await handle.db.selectFrom('mail_outbox').select(['status', 'attempts']).execute();
    expect(statuses.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('does not send again a mail a stopped process left half-sent', async () => {
    const { clock, advance } = movableClock('2026-12-06T10:00:00.000Z');
    const ctx = { db: handle.db, dialect: handle.dialect, clock, config: configWithMail() };
    await queueMail(ctx, request(4));
    await handle.db.updateTable('mail_outbox').set({ status: 'sending', claimed_at: '2026-12-06T10:00:00.000Z', attempts: 1 }).execute();
    advance(16 * 60_000);
    const transport = smtpTransport(smtp.url, FROM);
    expect(await sendDueMail(ctx, transport, { from: FROM })).toBe(0);
    transport.close();
    expect(smtp.received).toHaveLength(0);
    const row = await handle.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', last_error_code: 'INTERRUPTED' });
  });

  it('without SMTP_URL queues nothing: mail stays in the app', async () => {
    const config = loadConfig({});
    expect(mailEnabled(config)).toBe(false);
    const ctx = { db: handle.db, dialect: handle.dialect, clock: movableClock('2026-12-06T10:00:00.000Z').clock, config };
    expect(await queueMail(ctx, request(5))).toEqual({ queued: false });
    expect(await handle.db.selectFrom('mail_outbox').selectAll().execute()).toHaveLength(0);
  });
});
