import { afterAll, beforeAll, expect, it } from 'vitest';
import { queueMail } from '../../src/modules/mail/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

describeEachDatabase('erasing a person removes their mail from the outbox', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // A server nobody listens on: the sender loop fails to connect and the mails stay queued.
    t = await createTestApp(dialect, {
      mail: { smtpUrl: 'smtp://127.0.0.1:9', from: 'noreply@kruisbestuiving.test', pollMs: 3_600_000, firstRetryMs: 60_000 },
    });
  });
  afterAll(() => t.close());

  it('deletes every outbox row to the erased address and keeps those of others', async () => {
    const org = await makeOrganisation(t.ctx);
    const person = await makeUser(t.ctx, { organisationId: org, role: 'member', email: 'sam@example.org' });
    await makeUser(t.ctx, { organisationId: org, role: 'member', email: 'kim@example.org' });
    const admin = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    const mail = (to: string) => ({
      to,
      language: 'nl' as const,
      kind: 'test_mail',
      subject: { nl: 'Er wacht iets op je', en: 'Something waits for you' },
      paragraphs: { nl: ['Kijk in de app.'], en: ['Look in the app.'] },
    });
    await queueMail(t.ctx, mail('sam@example.org'));
    await queueMail(t.ctx, mail('kim@example.org'));
    const client = new Client(t.app);
    expect((await client.login(admin.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await client.post(`/api/orgs/${org}/members/${person.id}/erase`)).statusCode).toBe(200);
    expect(await t.ctx.db.selectFrom('mail_outbox').select('recipient').execute()).toEqual([{ recipient: 'kim@example.org' }]);
  });
});
