import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareRoundsReport } from '../../src/modules/analysis/compare-service.ts';
import { getReport } from '../../src/modules/analysis/service.ts';
import { loadDemo } from '../../src/modules/demo/service.ts';
import { meetingResults } from '../../src/modules/meetings/results-service.ts';
import { getMeeting, listMeetings } from '../../src/modules/meetings/service.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
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

  it("stored the consenting participants' roles answers as a round that compares with the survey round of 89", { timeout: 60_000 }, async () => {
    const { organisationId } = await loadDemo(t.ctx);
    const researcher = await t.ctx.db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'researcher')
      .executeTakeFirstOrThrow();
    const actor = actorOf(researcher.user_id, organisationId, 'researcher');
    const demo = (await listMeetings(t.ctx, actor, organisationId)).find((m) => m.title === 'De ontmoeting (demo)');
    const meeting = await getMeeting(t.ctx, actor, organisationId, demo?.id ?? '');
    expect(meeting.rounds.length).toBe(1);
    const meetingRound = meeting.rounds[0] ?? '';
    const stored = await t.ctx.db.selectFrom('rounds').select(['name', 'key']).where('id', '=', meetingRound).executeTakeFirstOrThrow();
    expect(stored.name).toBe('De ontmoeting (demo)');
    const consents = await t.ctx.db
      .selectFrom('meeting_participants')
      .select(['round_consent'])
      .where('meeting_id', '=', demo?.id ?? '')
      .execute();
    expect(consents.filter((c) => c.round_consent === 'given').length).toBe(40);
    const report = await getReport(t.ctx, publishedInstruments, actor, { organisationId, roundId: meetingRound, query: {} });
    expect(report.round.n).toBe(40);
    const survey = await t.ctx.db
      .selectFrom('rounds')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('key', '=', 'demo-ervaringswerkers')
      .executeTakeFirstOrThrow();
    const comparison = await compareRoundsReport(t.ctx, publishedInstruments, actor, organisationId, { a: meetingRound, b: survey.id });
    expect(comparison.a.n).toBe(40);
    expect(comparison.b.n).toBe(89);
    const roles = comparison.items.filter((i) => i.question === 'rollen').map((i) => [i.code, i.aPercent, i.bPercent, i.suppressed]);
    expect(roles).toEqual([
      ['signaalfunctie', 45, 19.1, false],
      ['brugfiguur', 62.5, 43.8, false],
      ['toegankelijkheid', 32.5, 22.5, false],
      ['ondersteuning', 70, 61.8, false],
      ['beleidsbeinvloeding', 45, 37.1, false],
      ['beeldvorming_beinvloeden', 42.5, 34.8, false],
      ['leefwereld', 35, 28.1, false],
      ['kritische_stem', 55, 48.8, false],
      ['geen_specifieke_rol', 0, 2.4, false],
    ]);
  });
});
