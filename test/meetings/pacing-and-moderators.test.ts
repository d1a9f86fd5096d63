import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { addModerator, control, createMeeting, getMeeting, removeModerator } from '../../src/modules/meetings/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { actorOf, singlePrompt } from './helpers.ts';
import { hidden, Phone } from './phone.ts';

describeEachDatabase('participant pacing and removing a co-facilitator', (dialect) => {
  let t: TestApp;
  let org: string;
  let facilitator: Actor;
  let staff: Client;
  let moderator: Actor;
  let moderatorClient: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    const f = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    facilitator = actorOf(f.id, org, 'coordinator');
    staff = new Client(t.app);
    await staff.login(f.email, TEST_PASSWORD);
    const m = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    moderator = actorOf(m.id, org, 'member');
    moderatorClient = new Client(t.app);
    await moderatorClient.login(m.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('switching a live meeting to participant pacing opens the prompts not shown yet; each phone moves on by itself', async () => {
    const view = await createMeeting(t.ctx, facilitator, org, { title: 'Eigen tempo', prompts: [singlePrompt, singlePrompt, singlePrompt] });
    await control(t.ctx, facilitator, org, view.id, { action: 'start' });
    expect((await getMeeting(t.ctx, facilitator, org, view.id)).prompts.map((p) => p.state)).toEqual(['open', 'waiting', 'waiting']);
    const switched = await control(t.ctx, facilitator, org, view.id, { action: 'pacing', pacing: 'participant' });
    expect(switched.prompts.map((p) => p.state)).toEqual(['open', 'open', 'open']);

    const phone = new Phone(t.app);
    await phone.request('POST', `/m/${view.joinCode}/join`, {});
    let page = (await phone.request('GET', `/m/${view.joinCode}`)).body;
    for (const [i, next] of [
      [0, 1],
      [1, 2],
      [2, 2],
    ] as const) {
      expect(hidden(page, 'p')).toBe(String(i));
      const sent = await phone.request('POST', `/m/${view.joinCode}/answer`, {
        promptId: hidden(page, 'promptId'),
        clientId: hidden(page, 'clientId'),
        p: String(i),
        choice: 'a',
      });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`/m/${view.joinCode}?lang=nl&saved=1&p=${next}`);
      page = (await phone.request('GET', sent.headers.location as string)).body;
    }
    const answered = await t.ctx.db
      .selectFrom('meeting_answers')
      .select('prompt_id')
      .where(
        'prompt_id',
        'in',
        switched.prompts.map((p) => p.id),
      )
      .execute();
    expect(answered).toHaveLength(3);
  });

  it('removes a co-facilitator: they can no longer open the meeting; the owner cannot be removed this way', async () => {
    const view = await createMeeting(t.ctx, facilitator, org, { title: 'Met co-facilitator', prompts: [singlePrompt] });
    await addModerator(t.ctx, facilitator, org, view.id, moderator.userId);
    expect((await moderatorClient.get(`/api/orgs/${org}/meetings/${view.id}`)).statusCode).toBe(200);
    // A co-facilitator may not remove (only those who run the meeting).
    expect((await moderatorClient.delete(`/api/orgs/${org}/meetings/${view.id}/moderators/${moderator.userId}`)).statusCode).toBe(403);
    expect((await staff.delete(`/api/orgs/${org}/meetings/${view.id}/moderators/${facilitator.userId}`)).statusCode).toBe(404);
    expect((await staff.delete(`/api/orgs/${org}/meetings/${view.id}/moderators/${moderator.userId}`)).statusCode).toBe(200);
    expect((await moderatorClient.get(`/api/orgs/${org}/meetings/${view.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/orgs/${org}/meetings/${view.id}/moderators`)).json()).toEqual([]);
    expect(await auditActions(t.ctx, org)).toContain('meeting.moderator_removed');
    await expect(removeModerator(t.ctx, facilitator, org, view.id, moderator.userId)).rejects.toMatchObject({ id: 'not_found' });
  });
});
