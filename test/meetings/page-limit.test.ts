import { afterAll, beforeAll, expect, it } from 'vitest';
import { control, createMeeting } from '../../src/modules/meetings/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser } from '../helpers/factories.ts';
import { actorOf, singlePrompt } from './helpers.ts';
import { Phone } from './phone.ts';

describeEachDatabase('the per-client limit of the meeting pages', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: { loginPerMinute: 1000, invitePerMinute: 1000, respondentPerMinute: 3 } });
  });
  afterAll(() => t.close());

  it('still refuses the fourth request in a minute, counted in memory: no counter row per request', async () => {
    const org = await makeOrganisation(t.ctx);
    const coordinator = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    const actor = actorOf(coordinator.id, org, 'coordinator');
    const view = await createMeeting(t.ctx, actor, org, { title: 'Grens', prompts: [singlePrompt] });
    await control(t.ctx, actor, org, view.id, { action: 'start' });
    const phone = new Phone(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await phone.request('GET', `/m/${view.joinCode}`)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const routeCounters = await t.ctx.db.selectFrom('rate_limit_counters').select('key').where('key', 'like', 'route:%').execute();
    expect(routeCounters).toEqual([]);
  });
});
