import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { singlePrompt } from './helpers.ts';
import { hidden, Phone } from './phone.ts';

type Reply = { kind: string; clientId?: string; outcome?: string; message: string; href?: string };

/** A socket opened as the participant page opens it; `next()` resolves with the next message. */
async function socketOf(t: TestApp, url: string, cookie: string) {
  const messages: string[] = [];
  const waiting: ((m: string) => void)[] = [];
  const port = (t.app.server.address() as { port: number }).port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}${url}`, { headers: { cookie } });
  socket.on('message', (data) => {
    const next = waiting.shift();
    if (next) next(String(data));
    else messages.push(String(data));
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const next = () => new Promise<string>((resolve) => (messages.length > 0 ? resolve(messages.shift() as string) : waiting.push(resolve)));
  /** Sends an answer's form fields and waits for the reply to it (not the "answers" events in between). */
  const answer = async (fields: Record<string, string | string[]>): Promise<Reply> => {
    socket.send(JSON.stringify({ kind: 'answer', fields }));
    for (;;) {
      const reply = JSON.parse(await next()) as Reply;
      if (reply.kind === 'saved' || reply.kind === 'refused') return reply;
    }
  };
  return { socket, next, answer };
}

describeEachDatabase('answers on the participant page live socket', (dialect) => {
  let t: TestApp;
  let org: string;
  let staff: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect, { logLevel: 'debug' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    org = await makeOrganisation(t.ctx);
    const coordinator = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    staff = new Client(t.app);
    await staff.login(coordinator.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  /** A live meeting with one open prompt, and a phone that joined it (form posts, as without JavaScript). */
  async function joinedPhone() {
    const meeting = (await staff.post(`/api/orgs/${org}/meetings`, { title: 'Live antwoorden', prompts: [singlePrompt] })).json<{
      id: string;
      joinCode: string;
    }>();
    await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'start' });
    const phone = new Phone(t.app);
    expect((await phone.request('POST', `/m/${meeting.joinCode}/join`, { position: 'practitioner' })).statusCode).toBe(200);
    const page = await phone.request('GET', `/m/${meeting.joinCode}`);
    const token = phone.cookies.get('kb_m') ?? '';
    const answers = () =>
      t.ctx.db.selectFrom('meeting_answers').select(['value', 'client_id']).where('prompt_id', '=', hidden(page.body, 'promptId')).execute();
    return { meeting, code: meeting.joinCode, promptId: hidden(page.body, 'promptId'), cookie: `kb_m=${token}`, token, answers };
  }

  it('counts an answer once when it is sent twice with one client id and again after a reconnect; a new client id changes it', async () => {
    const { meeting, code, promptId, cookie, token, answers } = await joinedPhone();
    const presenter = await socketOf(t, `/meetings-live/${org}/${meeting.id}/ws`, `kb_session=${staff.cookies.get('kb_session')}`);
    expect(JSON.parse(await presenter.next()).results.answered).toBe(0);

    const first = await socketOf(t, `/m/${code}/ws`, cookie);
    const fields = { promptId, clientId: 'client-live-1', choice: 'a' };
    const saved = { kind: 'saved', clientId: 'client-live-1', message: 'Je antwoord is bewaard.', href: `/m/${code}?lang=nl&saved=1` };
    expect(await first.answer(fields)).toEqual({ ...saved, outcome: 'saved' });
    expect(await first.answer(fields)).toEqual({ ...saved, outcome: 'unchanged' });
    first.socket.terminate();

    const again = await socketOf(t, `/m/${code}/ws`, cookie);
    expect(await again.answer(fields)).toEqual({ ...saved, outcome: 'unchanged' });
    expect(await answers()).toEqual([{ value: '{"choice":"a"}', client_id: 'client-live-1' }]);
    // The presenter sees one answer: aggregated counts, never the answer with its participant.
    for (;;) {
      const snapshot = JSON.parse(await presenter.next());
      expect(JSON.stringify(snapshot)).not.toMatch(/participant|client-live|"choice"/);
      if (snapshot.results.answered === 1) break;
    }

    expect(await again.answer({ ...fields, clientId: 'client-live-2', choice: 'b' })).toEqual({ ...saved, clientId: 'client-live-2', outcome: 'changed' });
    expect(await answers()).toEqual([{ value: '{"choice":"b"}', client_id: 'client-live-2' }]);
    const results = await staff.get(`/api/orgs/${org}/meetings/${meeting.id}/results`);
    expect(results.json().prompts[0].answered).toBe(1);
    again.socket.terminate();
    presenter.socket.terminate();

    // Nothing of the participant in the logs: no code, no token, no participant path.
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(code);
    expect(logs).not.toContain(token);
    expect(logs).not.toContain('/m/');
  });

  it("refuses an answer to a closed prompt, an unfit answer and a phone that did not join, in the participant's language", async () => {
    const { meeting, code, promptId, cookie, answers } = await joinedPhone();
    await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'close' });
    const english = await socketOf(t, `/m/${code}/ws?lang=en`, cookie);
    expect(await english.answer({ promptId, clientId: 'client-closed', choice: 'a' })).toEqual({
      kind: 'refused',
      clientId: 'client-closed',
      message: 'You cannot answer this question (yet).',
    });
    const dutch = await socketOf(t, `/m/${code}/ws`, cookie);
    expect(await dutch.answer({ promptId, clientId: 'client-closed', choice: 'a' })).toEqual({
      kind: 'refused',
      clientId: 'client-closed',
      message: 'Je kunt nu (nog) niet antwoorden op deze vraag.',
    });
    await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'open' });
    expect(await dutch.answer({ promptId, clientId: 'client-unfit', choice: 'zz' })).toEqual({
      kind: 'refused',
      clientId: 'client-unfit',
      message: 'Dit antwoord past niet bij de vraag. Kijk het nog eens na.',
    });
    expect(await dutch.answer({ promptId: 'x' })).toEqual({ kind: 'refused', message: 'Dit antwoord past niet bij de vraag. Kijk het nog eens na.' });
    const stranger = await socketOf(t, `/m/${code}/ws`, '');
    expect(await stranger.answer({ promptId, clientId: 'client-stranger', choice: 'a' })).toEqual({
      kind: 'refused',
      clientId: 'client-stranger',
      message: 'Je doet nog niet mee aan deze ontmoeting. Vernieuw de pagina en doe mee.',
    });
    expect(await answers()).toEqual([]);
    for (const s of [english, dutch, stranger]) s.socket.terminate();
  });

  it('acknowledges an answer only after its transaction committed: a commit that fails is reported as not saved', async () => {
    const { code, promptId, cookie, answers } = await joinedPhone();
    // The database refuses this one answer: on PostgreSQL only at COMMIT (a deferred constraint
    // trigger), after the statement itself succeeded; on SQLite at the write.
    if (dialect === 'postgres') {
      await sql`create function refuse_test_answer() returns trigger language plpgsql as $$ begin if new.client_id = 'client-refused' then raise exception 'refused by the test'; end if; return new; end $$`.execute(
        t.ctx.db,
      );
      await sql`create constraint trigger refuse_test_answer after insert or update on meeting_answers deferrable initially deferred for each row execute function refuse_test_answer()`.execute(
        t.ctx.db,
      );
    } else {
      await sql`create trigger refuse_test_answer before insert on meeting_answers when new.client_id = 'client-refused' begin select raise(abort, 'refused by the test'); end`.execute(
        t.ctx.db,
      );
    }
    const phone = await socketOf(t, `/m/${code}/ws`, cookie);
    expect(await phone.answer({ promptId, clientId: 'client-refused', choice: 'a' })).toEqual({
      kind: 'refused',
      clientId: 'client-refused',
      message: 'Je antwoord is niet bewaard. Probeer het opnieuw.',
    });
    expect(await answers()).toEqual([]);
    expect(await phone.answer({ promptId, clientId: 'client-after', choice: 'b' })).toMatchObject({ kind: 'saved', outcome: 'saved' });
    expect(await answers()).toEqual([{ value: '{"choice":"b"}', client_id: 'client-after' }]);
    phone.socket.terminate();
    await sql`drop trigger refuse_test_answer${sql.raw(dialect === 'postgres' ? ' on meeting_answers' : '')}`.execute(t.ctx.db);
  });

  it('tells the other phones "answers" only while the results show: hidden first, then revealed', async () => {
    const { meeting, code, promptId, cookie } = await joinedPhone();
    const other = new Phone(t.app);
    await other.request('POST', `/m/${code}/join`, { position: 'experience_worker' });
    const watching = await socketOf(t, `/m/${code}/ws`, `kb_m=${other.cookies.get('kb_m')}`);
    const answering = await socketOf(t, `/m/${code}/ws`, cookie);
    expect((await answering.answer({ promptId, clientId: 'client-hidden', choice: 'a' })).kind).toBe('saved');
    // Past the phones' once-a-second window: had "answers" been sent while hidden, it came before "state".
    await new Promise((r) => setTimeout(r, 1200));
    await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'reveal' });
    expect(JSON.parse(await watching.next())).toEqual({ kind: 'state' });
    expect((await answering.answer({ promptId, clientId: 'client-shown', choice: 'b' })).kind).toBe('saved');
    expect(JSON.parse(await watching.next())).toEqual({ kind: 'answers' });
    watching.socket.terminate();
    answering.socket.terminate();
  });
});
