import { afterAll, beforeAll, expect, it } from 'vitest';
import { answer } from '../../src/modules/meetings/participant.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { makeTrajectoryFixture } from '../helpers/trajecten.ts';
import { joinMany, meetingRow, singlePrompt } from './helpers.ts';

describeEachDatabase("a meeting's report attached to a trajectory as the record of a dialogue", (dialect) => {
  let t: TestApp;
  let org: string;
  let trajectory: string;
  let coordinator: Client;
  let teamMember: Client;
  let outsider: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    const team = await makeTeam(t.ctx, org);
    const c = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    const m = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const o = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    ({ trajectory } = await makeTrajectoryFixture(t.ctx, org, team, [c.id, m.id]));
    coordinator = new Client(t.app);
    await coordinator.login(c.email, TEST_PASSWORD);
    teamMember = new Client(t.app);
    await teamMember.login(m.email, TEST_PASSWORD);
    outsider = new Client(t.app);
    await outsider.login(o.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('attaches only a finished meeting; the trajectory team lists it and reads its report; others do not; detaching removes it', async () => {
    // A meeting of no team: the team member cannot open the meeting itself, only its record.
    const created = await coordinator.post(`/api/orgs/${org}/meetings`, { title: 'Dialoog over evenwaardigheid', prompts: [singlePrompt] });
    const meeting = created.json<{ id: string; joinCode: string; prompts: { id: string }[] }>();
    await coordinator.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'start' });
    const row = await meetingRow(t.ctx, meeting.joinCode);
    for (const [i, p] of (await joinMany(t.ctx, meeting.joinCode, 6, null)).entries())
      await answer(t.ctx, row, p.row, { promptId: meeting.prompts[0]?.id ?? '', clientId: `client-rec-${i}`, raw: { choice: 'a' } });

    const early = await coordinator.post(`/api/orgs/${org}/meetings/${meeting.id}/record`, { trajectoryId: trajectory });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('Alleen een afgelopen ontmoeting kan als verslag bij een traject. Rond de ontmoeting eerst af.');
    await coordinator.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'finish' });
    expect((await coordinator.post(`/api/orgs/${org}/meetings/${meeting.id}/record`, { trajectoryId: trajectory })).statusCode).toBe(200);
    expect(await auditActions(t.ctx, org)).toContain('meeting.attached_to_trajectory');

    expect((await teamMember.get(`/api/orgs/${org}/meetings/${meeting.id}`)).statusCode).toBe(404);
    const list = await teamMember.get(`/api/orgs/${org}/trajectories/${trajectory}/dialogue-records`);
    expect(list.statusCode).toBe(200);
    expect(list.json().records).toMatchObject([{ meetingId: meeting.id, title: 'Dialoog over evenwaardigheid', participants: 6 }]);
    const report = await teamMember.get(`/api/orgs/${org}/trajectories/${trajectory}/dialogue-records/${meeting.id}/report.md`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('# Dialoog over evenwaardigheid');
    expect(report.body).toContain('## 1. Welke kleur?');
    expect(report.body).toContain('| Rood | 6 |');

    expect((await outsider.get(`/api/orgs/${org}/trajectories/${trajectory}/dialogue-records`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/orgs/${org}/trajectories/${trajectory}/dialogue-records/${meeting.id}/report.md`)).statusCode).toBe(404);

    expect((await coordinator.delete(`/api/orgs/${org}/meetings/${meeting.id}/record`)).statusCode).toBe(200);
    expect((await teamMember.get(`/api/orgs/${org}/trajectories/${trajectory}/dialogue-records`)).json().records).toEqual([]);
    expect((await teamMember.get(`/api/orgs/${org}/trajectories/${trajectory}/dialogue-records/${meeting.id}/report.md`)).statusCode).toBe(404);
  });
});
