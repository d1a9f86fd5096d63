import { afterEach, beforeEach, expect, it } from 'vitest';
import { queueMail } from '../../src/modules/mail/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

describeEachDatabase('mail sender started with the app', (dialect) => {
  let smtp: TestSmtp;
  let t: TestApp;
  beforeEach(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(dialect, { mail: { smtpUrl: smtp.url, from: 'noreply@kruisbestuiving.test', pollMs: 50, firstRetryMs: 100 }, logLevel: 'debug' });
  });
  afterEach(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends what is queued, retries a refusal, logs no address, and stops with the app', async () => {
    smtp.refuseNext(1, 421);
    await queueMail(t.ctx, {
      to: 'Iemand@Example.org',
      language: 'nl',
      kind: 'test_mail',
      subject: { nl: 'Er wacht iets op je', en: 'Something waits for you' },
      paragraphs: { nl: ['Er staat iets voor je klaar.'], en: ['Something is ready for you.'] },
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['iemand@example.org']);
    expect(mail?.subject).toBe('Er wacht iets op je');
    expect(smtp.refused()).toBe(1);
    const logged = t.logs.join('');
    expect(logged).toContain('"code":"421"');
    expect(logged.toLowerCase()).not.toContain('iemand@example.org');
  });
});
