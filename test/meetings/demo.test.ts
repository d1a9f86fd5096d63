import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/modules/demo/service.ts';
import { meetingResults } from '../../src/modules/meetings/results-service.ts';
import { listMeetings } from '../../src/modules/meetings/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { actorOf } from './helpers.ts';

describeEachDatabase('the demo meetings', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('has a finished "De ontmoeting (demo)" with 44 participants, split by position, and the template ready to run', { timeout: 60_000 }, async () => {
    const { organisationId } = await loadDemo(t.ctx);
    const coordinator = await t.ctx.db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    const actor = actorOf(coordinator.user_id, organisationId, 'coordinator');
    const meetings = await listMeetings(t.ctx, actor, organisationId);
    expect(meetings.map((m) => [m.title, m.status]).sort()).toEqual([
      ['De ontmoeting (demo)', 'closed'],
      ['De ontmoeting', 'draft'],
    ]);
    const demo = meetings.find((m) => m.status === 'closed');
    const results = await meetingResults(t.ctx, actor, organisationId, demo?.id ?? '');
    expect(results.map((r) => r.joined)).toEqual([44, 44, 44, 44, 44, 44, 44]);
    const roles = results[2];
    expect(roles?.answered).toBe(44);
    expect(roles?.results.shown).toEqual(['experience_workers', 'professionals']);
    expect(roles?.results.totals?.groups).toEqual({ experience_workers: { count: 20, suppressed: null }, professionals: { count: 18, suppressed: null } });
    expect(results[0]?.heldBack).toBe(1);
    expect(results[6]?.questions?.length).toBe(2);
  });
});
