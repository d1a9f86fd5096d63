import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordAudit } from '../../src/modules/audit/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

describeEachDatabase('audit verify for an organisation (API)', (dialect) => {
  let t: TestApp;
  let org: string;
  const at = new Date('2026-12-01T10:00:00Z');

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    for (const subjectId of ['a', 'b', 'c'])
      await recordAudit(t.ctx.db, at, { organisationId: org, actorUserId: null, action: 'team.created', subjectType: 'team', subjectId });
  });
  afterAll(() => t.close());

  it('says the chain is intact, then names a changed entry and an entry written outside the chain; members may not ask', async () => {
    const admin = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    const client = new Client(t.app);
    await client.login(admin.email, TEST_PASSWORD);
    expect((await client.get(`/api/orgs/${org}/audit/verify`)).json()).toEqual({ intact: true, entries: 3, issues: [] });

    await t.ctx.db.updateTable('audit_events').set({ subject_id: 'z' }).where('organisation_id', '=', org).where('subject_id', '=', 'b').execute();
    await t.ctx.db
      .insertInto('audit_events')
      .values({
        id: 'stray',
        organisation_id: org,
        actor_user_id: null,
        action: 'team.deleted',
        subject_type: 'team',
        subject_id: 'x',
        details: '{}',
        at: at.toISOString(),
        chain_key: '',
        chain_index: 0,
        prev_hash: '',
        hash: '',
      })
      .execute();
    const after = (await client.get(`/api/orgs/${org}/audit/verify`)).json();
    expect(after.intact).toBe(false);
    expect(after.issues.map((i: { kind: string; fromIndex: number }) => [i.kind, i.fromIndex])).toEqual([
      ['changed', 2],
      ['inserted', 0],
    ]);

    const member = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const memberClient = new Client(t.app);
    await memberClient.login(member.email, TEST_PASSWORD);
    expect((await memberClient.get(`/api/orgs/${org}/audit/verify`)).statusCode).toBe(403);
  });
});
