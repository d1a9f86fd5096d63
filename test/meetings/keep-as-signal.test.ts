import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { openPrompt } from './helpers.ts';
import { hidden, Phone } from './phone.ts';

const ANSWER = 'Ervaringswerkers worden niet uitgenodigd op het teamoverleg.';

describeEachDatabase('an open answer raised as a signal, by its author on their own phone', (dialect) => {
  let t: TestApp;
  let org: string;
  let code: string;
  let meetingId: string;
  let author: { id: string; email: string };
  let checker: { id: string; email: string };
  let outsider: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    const coordinator = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    author = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    checker = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    await addToTeam(t.ctx, await makeTeam(t.ctx, org), checker.id, 'experience_worker');
    outsider = await makeUser(t.ctx, { organisationId: await makeOrganisation(t.ctx), role: 'member' });
    const staff = new Client(t.app);
    await staff.login(coordinator.email, TEST_PASSWORD);
    const created = await staff.post(`/api/orgs/${org}/meetings`, { title: 'Ontmoeting GGZ', prompts: [openPrompt] });
    ({ id: meetingId, joinCode: code } = created.json<{ id: string; joinCode: string }>());
    expect((await staff.post(`/api/orgs/${org}/meetings/${meetingId}/control`, { action: 'start' })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const signals = () => t.ctx.db.selectFrom('signals').selectAll().where('organisation_id', '=', org).execute();

  async function answered(phone: Phone) {
    expect((await phone.request('POST', `/m/${code}/join`, {})).statusCode).toBe(200);
    const page = await phone.request('GET', `/m/${code}`);
    await phone.request('POST', `/m/${code}/answer`, { promptId: hidden(page.body, 'promptId'), clientId: hidden(page.body, 'clientId'), text: ANSWER });
    return (await phone.request('GET', `/m/${code}?saved=1`)).body;
  }

  async function signedInPhone(user: { email: string }) {
    const account = new Client(t.app);
    await account.login(user.email, TEST_PASSWORD);
    return new Phone(t.app, new Map([...account.cookies].filter(([name]) => name === 'kb_session')));
  }

  it('raises a signal under the author, in member checking, with the answer as observation and no link to the meeting', async () => {
    const phone = await signedInPhone(author);
    const page = await answered(phone);
    expect(page).toContain('Of wil je er een signaal van maken?');
    expect(page).toContain('Meld als signaal');
    const form = {
      promptId: hidden(page, 'promptId'),
      p: '0',
      title: 'Niet op het overleg',
      barrierFor: 'Ervaringswerkers',
      logic: 'toegankelijke_hulpverlening',
    };
    // Without the form token, or with a logic that does not exist: nothing is raised.
    expect((await phone.request('POST', `/m/${code}/signal`, form)).statusCode).toBe(403);
    expect((await phone.request('POST', `/m/${code}/signal`, { ...form, _csrf: hidden(page, '_csrf'), logic: 'geen' })).statusCode).toBe(400);
    expect((await phone.request('POST', `/m/${code}/signal`, { ...form, _csrf: hidden(page, '_csrf'), title: '' })).statusCode).toBe(400);
    expect(await signals()).toEqual([]);

    const sent = await phone.request('POST', `/m/${code}/signal`, { ...form, _csrf: hidden(page, '_csrf') });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/m/${code}?lang=nl&signal=1&p=0`);
    expect((await phone.request('GET', sent.headers.location as string)).body).toContain('Je signaal is gemeld.');
    const rows = await signals();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ raised_by: author.id, status: 'member_check', observation: ANSWER, title: 'Niet op het overleg', team_id: null });
    expect(JSON.stringify(rows[0])).not.toContain(meetingId);
    // The signals module's member checking: the organisation's experience worker is asked.
    const asked = await t.ctx.db
      .selectFrom('signal_notifications')
      .select(['user_id', 'kind'])
      .where('signal_id', '=', rows[0]?.id ?? '')
      .execute();
    expect(asked).toEqual([{ user_id: checker.id, kind: 'member_check_requested' }]);
  });

  it('an anonymous phone gets the explanation and no form; a post stores nothing', async () => {
    const before = (await signals()).length;
    const phone = new Phone(t.app);
    const page = await answered(phone);
    expect(page).toContain('Een signaal meld je op je eigen naam.');
    expect(page).not.toContain(`action="/m/${code}/signal`);
    const refused = await phone.request('POST', `/m/${code}/signal`, {
      promptId: hidden(page, 'promptId'),
      title: 'x',
      barrierFor: 'y',
      logic: 'toegankelijke_hulpverlening',
    });
    expect(refused.statusCode).toBe(401);
    expect(await signals()).toHaveLength(before);
  });

  it('an account of another organisation cannot raise it here', async () => {
    const before = (await signals()).length;
    const phone = await signedInPhone(outsider);
    const page = await answered(phone);
    const form = { promptId: hidden(page, 'promptId'), _csrf: hidden(page, '_csrf'), title: 'x', barrierFor: 'y', logic: 'toegankelijke_hulpverlening' };
    expect((await phone.request('POST', `/m/${code}/signal`, form)).statusCode).toBe(403);
    expect(await signals()).toHaveLength(before);
  });
});
