import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { openPrompt } from './helpers.ts';
import { hidden, Phone } from './phone.ts';

const ANSWER = 'Ik voelde me eindelijk gehoord door het team.';

describeEachDatabase('an open answer kept as a story, by its author on their own phone', (dialect) => {
  let t: TestApp;
  let org: string;
  let code: string;
  let meetingId: string;
  let member: { id: string; email: string };
  let outsider: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    const coordinator = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    member = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    outsider = await makeUser(t.ctx, { organisationId: await makeOrganisation(t.ctx), role: 'member' });
    const staff = new Client(t.app);
    await staff.login(coordinator.email, TEST_PASSWORD);
    const created = await staff.post(`/api/orgs/${org}/meetings`, { title: 'Ontmoeting GGZ', prompts: [openPrompt] });
    expect(created.statusCode).toBe(200);
    ({ id: meetingId, joinCode: code } = created.json<{ id: string; joinCode: string }>());
    expect((await staff.post(`/api/orgs/${org}/meetings/${meetingId}/control`, { action: 'start' })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const stories = () => t.ctx.db.selectFrom('stories').selectAll().execute();
  const answerRows = () =>
    t.ctx.db
      .selectFrom('meeting_answers as a')
      .innerJoin('meeting_participants as p', 'p.id', 'a.participant_id')
      .select(['a.id', 'a.participant_id', 'a.prompt_id', 'a.value'])
      .where('p.meeting_id', '=', meetingId)
      .execute();

  async function answered(phone: Phone) {
    expect((await phone.request('POST', `/m/${code}/join`, {})).statusCode).toBe(200);
    const page = await phone.request('GET', `/m/${code}`);
    const sent = await phone.request('POST', `/m/${code}/answer`, {
      promptId: hidden(page.body, 'promptId'),
      clientId: hidden(page.body, 'clientId'),
      text: ANSWER,
    });
    expect(sent.statusCode).toBe(303);
    return (await phone.request('GET', `/m/${code}?saved=1`)).body;
  }

  it('a signed-in participant makes a private draft story with the answer text, linked to nothing of the meeting', async () => {
    const account = new Client(t.app);
    await account.login(member.email, TEST_PASSWORD);
    const phone = new Phone(t.app, new Map([...account.cookies].filter(([name]) => name === 'kb_session')));
    const page = await answered(phone);
    expect(page).toContain('Wil je dit bewaren als ervaringsverhaal?');
    expect(page).toContain('Bewaar als mijn verhaal');
    const csrf = hidden(page, '_csrf');
    expect(csrf.length).toBeGreaterThan(10);
    const promptId = hidden(page, 'promptId');

    // A forged post (no token, or a wrong one) stores nothing.
    expect((await phone.request('POST', `/m/${code}/keep`, { promptId, p: '0' })).statusCode).toBe(403);
    const wrong = await phone.request('POST', `/m/${code}/keep`, { promptId, p: '0', _csrf: 'not-the-token' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('Deze pagina is te oud.');
    expect(await stories()).toEqual([]);
    // Bad input: a clear page, never a 500, nothing stored.
    expect((await phone.request('POST', `/m/${code}/keep`, { promptId: 'x', _csrf: csrf })).statusCode).toBe(400);
    expect(await stories()).toEqual([]);

    const kept = await phone.request('POST', `/m/${code}/keep`, { promptId, p: '0', _csrf: csrf });
    expect(kept.statusCode).toBe(303);
    expect(kept.headers.location).toBe(`/m/${code}?lang=nl&kept=1&p=0`);
    expect((await phone.request('GET', kept.headers.location as string)).body).toContain('Je verhaal is bewaard als ontwerp. Alleen jij ziet het.');

    const rows = await stories();
    expect(rows).toHaveLength(1);
    const story = rows[0];
    expect(story).toMatchObject({ author_user_id: member.id, organisation_id: org, scope: 'private', body: ANSWER, title: 'Mijn open antwoord' });
    // The answer stays in the meeting; the story carries none of its ids.
    const answers = await answerRows();
    expect(answers.map((a) => a.value)).toEqual([JSON.stringify({ text: ANSWER })]);
    const stored = JSON.stringify(story);
    for (const id of [answers[0]?.id, answers[0]?.participant_id, answers[0]?.prompt_id, meetingId, code]) expect(stored).not.toContain(id);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', story?.id ?? '')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['story.created']);
    expect(JSON.stringify(audit)).not.toContain(meetingId);

    // The author sees it in the stories app, private.
    const mine = await account.get(`/api/orgs/${org}/stories/${story?.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ scope: 'private', text: ANSWER });
  });

  it('an anonymous participant gets the explanation, no form and no cookie, and nothing is stored', async () => {
    const before = (await stories()).length;
    const phone = new Phone(t.app);
    const page = await answered(phone);
    expect(page).toContain('Wil je dit bewaren als ervaringsverhaal?');
    expect(page).toContain('Kopieer je tekst en meld je aan.');
    expect(page).not.toContain('name="_csrf"');
    expect([...phone.cookies.keys()]).toEqual(['kb_m']);
    const promptId = hidden(page, 'promptId');
    const refused = await phone.request('POST', `/m/${code}/keep`, { promptId, p: '0' });
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain('We sturen nu niets door.');
    expect(await stories()).toHaveLength(before);
    expect((await answerRows()).filter((a) => a.value === JSON.stringify({ text: ANSWER }))).toHaveLength(2);
  });

  it('an account of another organisation cannot keep it here: a clear page, nothing stored', async () => {
    const before = (await stories()).length;
    const account = new Client(t.app);
    await account.login(outsider.email, TEST_PASSWORD);
    const phone = new Phone(t.app, new Map([...account.cookies].filter(([name]) => name === 'kb_session')));
    const page = await answered(phone);
    const refused = await phone.request('POST', `/m/${code}/keep`, { promptId: hidden(page, 'promptId'), _csrf: hidden(page, '_csrf') });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Met je account kun je geen verhalen delen in deze organisatie.');
    expect(await stories()).toHaveLength(before);
  });
});
