import { expect, it } from 'vitest';
import { Client, createTestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

describeEachDatabase('logs', (dialect) => {
  it('carry request ids but no passwords, tokens, cookies or e-mail addresses', async () => {
    const t = await createTestApp(dialect, { logLevel: 'debug' });
    const org = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, { organisationId: org, role: 'admin', email: 'geheim.adres@example.org' });
    const client = new Client(t.app);
    await client.login(admin.email, TEST_PASSWORD);
    await client.post('/api/auth/login', { email: admin.email, password: 'Verkeerd-Wachtwoord-123' });
    const { link } = (await client.post(`/api/orgs/${org}/invitations`, { email: 'uitgenodigd@example.org', role: 'member' })).json();
    const token = link.split('#')[1];
    await new Client(t.app).post('/api/invitations/accept', { token, displayName: 'Nieuwe Persoon', password: 'Heel-Geheim-Wachtwoord' });

    const logs = t.logs.join('\n');
    expect(logs).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    for (const secret of [
      TEST_PASSWORD,
      'Verkeerd-Wachtwoord-123',
      'Heel-Geheim-Wachtwoord',
      token,
      client.cookies.get('kb_session'),
      'geheim.adres',
      'uitgenodigd@',
    ]) {
      expect(logs).not.toContain(secret);
    }
    await t.close();
  });
});
