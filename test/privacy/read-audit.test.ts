import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStory } from '../../src/modules/stories/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

describeEachDatabase('reads of personal data are audited', (dialect) => {
  let t: TestApp;
  let org: string;
  let story: string;
  const clients: Record<'author' | 'researcher' | 'member', Client> = {} as never;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    for (const role of ['author', 'researcher', 'member'] as const) {
      const user = await makeUser(t.ctx, { organisationId: org, role: role === 'researcher' ? 'researcher' : 'member' });
      ids[role] = user.id;
      clients[role] = new Client(t.app);
      await clients[role].login(user.email, TEST_PASSWORD);
    }
    story = (
      await createStory(t.ctx, { userId: ids.author as string, language: 'nl', roles: new Map([[org, 'member']]) }, org, {
        title: 'Wachten',
        text: 'Drie uur wachten op de spoed.',
        scope: 'research',
      })
    ).id;
  });
  afterAll(() => t.close());

  const reads = () =>
    t.ctx.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'story.read')
      .where('subject_id', '=', story)
      .orderBy('seq')
      .execute();

  it('a researcher opening a story, for reading or for coding, leaves an entry; the author reading their own does not', async () => {
    expect((await clients.author.get(`/api/orgs/${org}/stories/${story}`)).statusCode).toBe(200);
    expect(await reads()).toEqual([]);
    expect((await clients.researcher.get(`/api/orgs/${org}/stories/${story}?purpose=research`)).statusCode).toBe(200);
    expect((await clients.researcher.get(`/api/orgs/${org}/coding/stories/${story}`)).statusCode).toBe(200);
    expect(await reads()).toEqual([
      { actor_user_id: ids.researcher, details: '{"purpose":"research"}' },
      { actor_user_id: ids.researcher, details: '{"purpose":"coding"}' },
    ]);
  });

  it('a refused read leaves no entry', async () => {
    const all = () => t.ctx.db.selectFrom('audit_events').select('id').where('action', '=', 'story.read').execute();
    const before = (await all()).length;
    expect((await clients.researcher.get(`/api/orgs/${org}/stories/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await clients.member.get(`/api/orgs/${org}/coding/stories/${story}`)).statusCode).toBe(403);
    expect(await all()).toHaveLength(before);
  });
});
