import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { answer, ask, withdraw } from '../../src/modules/meetings/participant.ts';
import { meetingResults, moderate, moderationQueue } from '../../src/modules/meetings/results-service.ts';
import { control, createMeeting, getMeeting, listMeetings } from '../../src/modules/meetings/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, auditActions, makeOrganisation, makeTeam, makeUser } from '../helpers/factories.ts';
import { actorOf, joinMany, meetingRow, must, openPrompt, qaPrompt, singlePrompt } from './helpers.ts';

describeEachDatabase('meetings: answers, withdrawal, split results, moderation, permissions', (dialect) => {
  let t: TestApp;
  let org: string;
  let team: string;
  let facilitator: Actor;
  let teamMember: Actor;
  let otherMember: Actor;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    team = await makeTeam(t.ctx, org);
    facilitator = actorOf((await makeUser(t.ctx, { organisationId: org, role: 'coordinator' })).id, org, 'coordinator');
    const member = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    await addToTeam(t.ctx, team, member.id, 'experience_worker');
    teamMember = actorOf(member.id, org, 'member');
    otherMember = actorOf((await makeUser(t.ctx, { organisationId: org, role: 'member' })).id, org, 'member');
  });
  afterAll(() => t.close());

  async function liveMeeting(prompts = [singlePrompt]) {
    const view = await createMeeting(t.ctx, facilitator, org, { title: 'Ontmoeting', prompts });
    await control(t.ctx, facilitator, org, view.id, { action: 'start' });
    return getMeeting(t.ctx, facilitator, org, view.id);
  }

  it('keeps one answer per participant per prompt; a retry with the same client id counts once; a new one replaces it', async () => {
    const view = await liveMeeting();
    const meeting = await meetingRow(t.ctx, view.joinCode);
    const [p] = await joinMany(t.ctx, view.joinCode, 1, 'experience_worker');
    const prompt = view.prompts[0]?.id ?? '';
    expect(await answer(t.ctx, meeting, must(p).row, { promptId: prompt, clientId: 'client-0001', raw: { choice: 'a' } })).toBe('saved');
    expect(await answer(t.ctx, meeting, must(p).row, { promptId: prompt, clientId: 'client-0001', raw: { choice: 'a' } })).toBe('unchanged');
    expect(await answer(t.ctx, meeting, must(p).row, { promptId: prompt, clientId: 'client-0002', raw: { choice: 'b' } })).toBe('changed');
    const rows = await t.ctx.db.selectFrom('meeting_answers').select(['value', 'client_id']).where('prompt_id', '=', prompt).execute();
    expect(rows).toEqual([{ value: '{"choice":"b"}', client_id: 'client-0002' }]);
    await expect(answer(t.ctx, meeting, must(p).row, { promptId: prompt, clientId: 'client-0003', raw: { choice: 'zz' } })).rejects.toMatchObject({
      id: 'validation_failed',
    });
    await control(t.ctx, facilitator, org, view.id, { action: 'close' });
    await expect(answer(t.ctx, meeting, must(p).row, { promptId: prompt, clientId: 'client-0004', raw: { choice: 'a' } })).rejects.toMatchObject({
      id: 'conflict',
    });
    // A retry of the last accepted send after closing still says "unchanged", not an error.
    expect(await answer(t.ctx, meeting, must(p).row, { promptId: prompt, clientId: 'client-0002', raw: { choice: 'b' } })).toBe('unchanged');
  });

  it('resets a prompt: its answers are erased and its results hidden again, other prompts untouched', async () => {
    const view = await liveMeeting([singlePrompt, singlePrompt]);
    const meeting = await meetingRow(t.ctx, view.joinCode);
    const [p] = await joinMany(t.ctx, view.joinCode, 1, null);
    const [first, second] = view.prompts.map((q) => q.id);
    await control(t.ctx, facilitator, org, view.id, { action: 'next' });
    await answer(t.ctx, meeting, must(p).row, { promptId: must(second), clientId: 'client-r002', raw: { choice: 'b' } });
    await control(t.ctx, facilitator, org, view.id, { action: 'previous' });
    await answer(t.ctx, meeting, must(p).row, { promptId: must(first), clientId: 'client-r001', raw: { choice: 'a' } });
    await control(t.ctx, facilitator, org, view.id, { action: 'reveal' });
    const after = await control(t.ctx, facilitator, org, view.id, { action: 'reset' });
    expect(after.prompts.map((q) => q.resultsVisible)).toEqual([false, false]);
    const left = await t.ctx.db.selectFrom('meeting_answers').select('prompt_id').where('participant_id', '=', must(p).row.id).execute();
    expect(left).toEqual([{ prompt_id: second }]);
    expect(await auditActions(t.ctx, org)).toContain('meeting.prompt_reset');
  });

  it('withdraws every answer of the participant with the receipt code, and nothing else', async () => {
    const view = await liveMeeting();
    const meeting = await meetingRow(t.ctx, view.joinCode);
    const [a, b] = await joinMany(t.ctx, view.joinCode, 2, null);
    const prompt = view.prompts[0]?.id ?? '';
    await answer(t.ctx, meeting, must(a).row, { promptId: prompt, clientId: 'client-a001', raw: { choice: 'a' } });
    await answer(t.ctx, meeting, must(b).row, { promptId: prompt, clientId: 'client-b001', raw: { choice: 'b' } });
    expect(await withdraw(t.ctx, meeting, 'AAAA-AAAA')).toBe(false);
    expect(await withdraw(t.ctx, meeting, must(a).receipt.toLowerCase().replace('-', ' '))).toBe(true);
    const left = await t.ctx.db.selectFrom('meeting_answers').select('value').where('prompt_id', '=', prompt).execute();
    expect(left).toEqual([{ value: '{"choice":"b"}' }]);
    expect(await withdraw(t.ctx, meeting, must(a).receipt)).toBe(false);
  });

  it('stores no IP address, user agent or time for a participant', async () => {
    const columns = Object.keys((await t.ctx.db.selectFrom('meeting_participants').selectAll().executeTakeFirst()) ?? {}).sort();
    expect(columns).toEqual(['id', 'meeting_id', 'position', 'receipt_hash', 'round_consent', 'round_consent_version', 'token_hash']);
  });

  it('merges a group under the threshold into the room, and hides counts that could be worked out', async () => {
    const view = await liveMeeting();
    const meeting = await meetingRow(t.ctx, view.joinCode);
    const prompt = view.prompts[0]?.id ?? '';
    // k = 5. Experience workers 10 (5 a, 5 b), professionals 10 (10 a), "other" 2 (1 a, 1 b).
    // Both groups reach 5, but the 2 "others" would be the difference: the smaller group (a tie:
    // professionals) merges into the room.
    const plan: [Parameters<typeof joinMany>[3], string, number][] = [
      ['experience_worker', 'a', 5],
      ['experience_worker', 'b', 5],
      ['practitioner', 'a', 6],
      ['coordinator', 'a', 4],
      ['other', 'a', 1],
      ['other', 'b', 1],
    ];
    let n = 0;
    for (const [position, choice, count] of plan) {
      for (const p of await joinMany(t.ctx, view.joinCode, count, position)) {
        n += 1;
        await answer(t.ctx, meeting, p.row, { promptId: prompt, clientId: `client-${String(n).padStart(4, '0')}`, raw: { choice } });
      }
    }
    const [results] = await meetingResults(t.ctx, facilitator, org, view.id);
    expect(results?.answered).toBe(22);
    expect(results?.results.shown).toEqual(['experience_workers']);
    expect(results?.results.notes.map((note) => note.en)).toEqual([
      'Professionals: too few answers to show apart (fewer than 5, or it would give away the others). They are counted in the whole room.',
    ]);
    const table = results?.results.rows?.map((row) => [row.key, row.room.count, row.groups.experience_workers?.count]);
    // Room a 16, b 6; experience workers a 5, b 5; the rest (professionals and others) a 11, b 1.
    // The rest's b = 1 is hidden (primary), so is a second cell in its row (11) and in its column
    // (the workers' b 5), and then the workers' a 5 as their total 10 is shown: with only the margins
    // known, the rest's b can be anything from 0 to 6.
    expect(table).toEqual([
      ['a', 16, null],
      ['b', 6, null],
    ]);
    expect(results?.results.totals?.room.count).toBe(22);
    expect(results?.results.totals?.groups.experience_workers?.count).toBe(10);
  });

  it('a group of fewer than k people is never shown apart, and then the other is not either', async () => {
    const view = await liveMeeting();
    const meeting = await meetingRow(t.ctx, view.joinCode);
    const prompt = view.prompts[0]?.id ?? '';
    let n = 0;
    for (const [position, count] of [
      ['experience_worker', 3],
      ['practitioner', 10],
    ] as const) {
      for (const p of await joinMany(t.ctx, view.joinCode, count, position)) {
        n += 1;
        await answer(t.ctx, meeting, p.row, { promptId: prompt, clientId: `client-x${String(n).padStart(3, '0')}`, raw: { choice: 'a' } });
      }
    }
    const [results] = await meetingResults(t.ctx, facilitator, org, view.id);
    expect(results?.results.shown).toEqual([]);
    expect(results?.results.rows?.map((row) => [row.key, row.room.count])).toEqual([
      ['a', 13],
      ['b', 0],
    ]);
  });

  it('holds open answers and questions until a moderator decides, records the reason, counts what was held back', async () => {
    const view = await liveMeeting([openPrompt, qaPrompt]);
    const meeting = await meetingRow(t.ctx, view.joinCode);
    const [a, b] = await joinMany(t.ctx, view.joinCode, 2, null);
    const open = view.prompts[0]?.id ?? '';
    await answer(t.ctx, meeting, must(a).row, { promptId: open, clientId: 'client-o001', raw: { text: 'Meer tijd voor intervisie' } });
    await answer(t.ctx, meeting, must(b).row, { promptId: open, clientId: 'client-o002', raw: { text: 'Jan van team 3 luistert nooit' } });
    let [results] = await meetingResults(t.ctx, facilitator, org, view.id);
    expect(results?.results.texts?.room).toEqual([]);
    expect(results?.waiting).toBe(2);

    // An experience worker made co-facilitator may moderate, but not run the meeting.
    const { addModerator, moderatorsOf } = await import('../../src/modules/meetings/service.ts');
    await expect(moderationQueue(t.ctx, otherMember, org, view.id)).rejects.toMatchObject({ id: 'not_found' });
    expect(await moderatorsOf(t.ctx, facilitator, org, view.id)).toEqual([]);
    await addModerator(t.ctx, facilitator, org, view.id, otherMember.userId);
    expect((await moderatorsOf(t.ctx, facilitator, org, view.id)).map((m) => m.userId)).toEqual([otherMember.userId]);
    // The co-facilitator moderates but does not see (or change) who else may.
    await expect(moderatorsOf(t.ctx, otherMember, org, view.id)).rejects.toMatchObject({ id: 'forbidden' });
    const queue = await moderationQueue(t.ctx, otherMember, org, view.id);
    // Answers carry no time, so the queue is in no particular order within a prompt.
    expect(queue.map((item) => [item.text, item.moderation]).sort()).toEqual([
      ['Jan van team 3 luistert nooit', 'pending'],
      ['Meer tijd voor intervisie', 'pending'],
    ]);
    await expect(control(t.ctx, otherMember, org, view.id, { action: 'next' })).rejects.toMatchObject({ id: 'forbidden' });
    const first = must(queue.find((item) => item.text.startsWith('Meer')));
    const second = must(queue.find((item) => item.text.startsWith('Jan')));
    await moderate(t.ctx, otherMember, org, view.id, { subjectType: 'answer', subjectId: first.id, decision: 'approve' });
    await moderate(t.ctx, otherMember, org, view.id, { subjectType: 'answer', subjectId: second.id, decision: 'hold', reason: 'noemt een naam' });
    [results] = await meetingResults(t.ctx, facilitator, org, view.id);
    expect(results?.results.texts?.room).toEqual(['Meer tijd voor intervisie']);
    expect(results?.heldBack).toBe(1);
    const records = await t.ctx.db
      .selectFrom('meeting_moderation')
      .select(['decision', 'reason', 'actor_user_id'])
      .where('meeting_id', '=', view.id)
      .orderBy('decision')
      .execute();
    expect(records).toEqual([
      { decision: 'approve', reason: '', actor_user_id: otherMember.userId },
      { decision: 'hold', reason: 'noemt een naam', actor_user_id: otherMember.userId },
    ]);

    await control(t.ctx, facilitator, org, view.id, { action: 'next' });
    const live = await meetingRow(t.ctx, view.joinCode);
    const qa = view.prompts[1]?.id ?? '';
    await ask(t.ctx, live, must(a).row, { promptId: qa, clientId: 'client-q001', text: 'Wie betaalt de opleiding?' });
    await ask(t.ctx, live, must(a).row, { promptId: qa, clientId: 'client-q001', text: 'Wie betaalt de opleiding?' });
    let [, qaResults] = await meetingResults(t.ctx, facilitator, org, view.id);
    expect(qaResults?.questions).toEqual([]);
    expect(qaResults?.waiting).toBe(1);
    const question = (await moderationQueue(t.ctx, facilitator, org, view.id)).find((item) => item.subjectType === 'question');
    await moderate(t.ctx, facilitator, org, view.id, { subjectType: 'question', subjectId: must(question).id, decision: 'approve' });
    [, qaResults] = await meetingResults(t.ctx, facilitator, org, view.id);
    expect(qaResults?.questions?.map((q) => [q.text, q.votes, q.pinned])).toEqual([['Wie betaalt de opleiding?', 0, false]]);
    expect(await auditActions(t.ctx, org)).toContain('meeting.moderated');
  });

  it('lets a team member run a meeting of their own team only', async () => {
    await expect(createMeeting(t.ctx, otherMember, org, { title: 'X', prompts: [singlePrompt], teamId: team })).rejects.toMatchObject({ id: 'forbidden' });
    await expect(createMeeting(t.ctx, teamMember, org, { title: 'X', prompts: [singlePrompt] })).rejects.toMatchObject({ id: 'forbidden' });
    const own = await createMeeting(t.ctx, teamMember, org, { title: 'Teamoverleg', prompts: [singlePrompt], teamId: team });
    expect(own.canRun).toBe(true);
    const mine = await listMeetings(t.ctx, teamMember, org);
    expect(mine.map((m) => m.title)).toEqual(['Teamoverleg']);
    const fromCoordinator = await createMeeting(t.ctx, facilitator, org, { title: 'Zonder team', prompts: [singlePrompt] });
    await expect(getMeeting(t.ctx, teamMember, org, fromCoordinator.id)).rejects.toMatchObject({ id: 'not_found' });
    const outsider = actorOf(teamMember.userId, await makeOrganisation(t.ctx), 'admin');
    await expect(getMeeting(t.ctx, outsider, org, own.id)).rejects.toMatchObject({ id: 'not_found' });
  });

  it('builds "De ontmoeting" from the template: the research meeting\'s questions in its order', async () => {
    const view = await createMeeting(t.ctx, facilitator, org, { title: 'De ontmoeting', template: 'de_ontmoeting' });
    expect(view.prompts.map((p) => [p.kind, p.text.nl])).toEqual([
      ['open_text', 'Waarom is ervaringskennis belangrijk, voor jou?'],
      ['ranking', 'Welk doel van ervaringswerk komt voor jou eerst? Zet ze in volgorde.'],
      ['multiple', 'Welke rol nemen of dienen ervaringswerkers op te nemen?'],
      ['multiple', 'Een evenwaardige positie voor ervaringsdeskundigen betekent:'],
      ['ranking', 'Wat zijn nu centrale discussies? Zet de belangrijkste eerst.'],
      ['word_cloud', 'Ervaringswerk = ? Geef één tot drie woorden.'],
      ['qa', 'Welke vraag wil je stellen?'],
    ]);
    expect(view.prompts[2]?.options.map((o) => o.label.nl)).toEqual([
      'Kritische stem',
      'Brugfiguur',
      'Signaalfunctie',
      'Ondersteuning',
      'Leefwereld',
      'Toegankelijkheid',
      'Beleidsbeïnvloeding',
      'Beeldvorming beïnvloeden',
      'Geen specifieke rol',
    ]);
    expect(view.joinCode).toMatch(/^[ACEFGHJKMNPRTWXY34679]{6}$/);
  });
});
