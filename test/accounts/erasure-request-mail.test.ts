import { expect, it } from 'vitest';
import { Client, createTestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { startTestSmtp } from '../helpers/smtp.ts';

describeEachDatabase('asking to be erased, with e-mail', (dialect) => {
  it("mails the organisation's admins in their language, naming neither the person nor anything of theirs", async () => {
    const smtp = await startTestSmtp();
    const t = await createTestApp(dialect, { mail: { smtpUrl: smtp.url, from: 'noreply@kruisbestuiving.test', pollMs: 50, firstRetryMs: 100 } });
    const org = await makeOrganisation(t.ctx, 'Zorg Noord');
    const admin = await makeUser(t.ctx, { organisationId: org, role: 'admin', language: 'en' });
    const person = await makeUser(t.ctx, { organisationId: org, name: 'Wis Willem', email: 'wis.willem@example.org' });
    const client = new Client(t.app);
    await client.login(person.email, TEST_PASSWORD);
    expect((await client.post('/api/me/erasure-request')).statusCode).toBe(200);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual([admin.email]);
    expect(mail?.subject).toBe('Someone asks to be erased');
    expect(mail?.text).toContain('A member of Zorg Noord asks for everything about them to be erased from Kruisbestuiving.');
    expect(mail?.text).toContain(`/o/${org}/audit`);
    expect(mail?.text).not.toMatch(/Willem|wis\.willem/i);
    await t.close();
    await smtp.close();
  });
});
