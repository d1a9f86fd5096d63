import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { getPublishedVersion } from '../../src/modules/instruments/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { completeAnswers, formEncode, openRound } from '../helpers/respondent.ts';

/** A browser without JavaScript: it keeps its cookies and posts plain forms. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly t: TestApp,
    private readonly language = 'nl',
  ) {}
  async send(method: 'GET' | 'POST', url: string, fields?: Record<string, string | string[]>, json?: unknown): Promise<LightMyRequestResponse> {
    const response = await this.t.app.inject({
      method,
      url,
      headers: {
        'accept-language': this.language,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...(json ? { 'content-type': 'application/json' } : {}),
      },
      ...(fields ? { payload: formEncode(fields) } : {}),
      ...(json ? { payload: JSON.stringify(json) } : {}),
    });
    for (const c of response.cookies as { name: string; value: string }[]) this.cookies.set(c.name, c.value);
    return response;
  }
  async start(token: string, responseId?: string): Promise<{ responseId: string; consentVersion: string; response: LightMyRequestResponse }> {
    const welcome = await this.send('GET', `/r/${token}`);
    const id = responseId ?? /name="responseId" value="([0-9a-f-]{36})"/.exec(welcome.body)?.[1] ?? '';
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    const response = await this.send('POST', `/r/${token}/start`, { responseId: id, consentVersion, consent: 'yes' });
    return { responseId: id, consentVersion, response };
  }
}

/** Issue 12.1: a draft belongs to the browser that started it; a duplicate id is no oracle. */
describeEachDatabase('respondent drafts are bound to their browser', (dialect) => {
  let t: TestApp;
  let token: string;
  let instrument: ResolvedInstrument;
  const sectionOne = () => {
    const answers = completeAnswers(instrument);
    const section = instrument.sections[0];
    return Object.fromEntries(
      Object.entries(answers).filter(([key]) => section?.questions.some((q) => key === q.key || key.startsWith(`${q.key}.`))),
    ) as Record<string, string | string[]>;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    const researcher = new Client(t.app);
    await researcher.login(user.email, TEST_PASSWORD);
    const opened = await openRound(researcher, org);
    token = opened.token;
    instrument = (await getPublishedVersion(t.ctx, opened.versionId)).instrument;
  });
  afterAll(() => t.close());

  it('the draft cookie is HttpOnly and SameSite', async () => {
    const { response } = await new Browser(t).start(token);
    expect(response.statusCode).toBe(303);
    const setCookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('kb_respondent='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\/r\//);
  });

  it('another browser with the address can neither read nor change the draft: a clear page in its language', async () => {
    const victim = new Browser(t);
    const { responseId } = await victim.start(token);
    expect((await victim.send('POST', `/r/${token}/${responseId}/1`, { ...sectionOne(), _action: 'next' })).statusCode).toBe(303);
    const mine = await victim.send('GET', `/r/${token}/${responseId}/1`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toMatch(/checked=""/);

    for (const [language, text] of [
      ['nl', 'Deze antwoorden horen bij een andere browser'],
      ['en', 'These answers belong to another browser'],
    ] as const) {
      const attacker = new Browser(t, language);
      const read = await attacker.send('GET', `/r/${token}/${responseId}/1`);
      expect(read.statusCode).toBe(403);
      expect(read.body).toContain(text);
      expect(read.body).not.toMatch(/checked=""/);
      const write = await attacker.send('POST', `/r/${token}/${responseId}/1`, { ...sectionOne(), _action: 'next' });
      expect(write.statusCode).toBe(403);
      const later = await attacker.send('POST', `/r/${token}/${responseId}/1`, { _action: 'later' });
      expect(later.statusCode).toBe(403);
      expect(later.body).not.toMatch(/class="code"/);
    }
    // A made-up id gets the very same page: nobody learns which ids exist.
    const stranger = await new Browser(t).send('GET', `/r/${token}/${crypto.randomUUID()}/1`);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.body).toContain('Deze antwoorden horen bij een andere browser');
  });

  it('the thank-you page is for the browser that handed the response in, not for another with its address', async () => {
    const owner = new Browser(t);
    const { responseId } = await owner.start(token);
    const answers = completeAnswers(instrument);
    let location = '';
    for (const [index, section] of instrument.sections.entries()) {
      const fields = Object.fromEntries(
        Object.entries(answers).filter(([key]) => section.questions.some((q) => key === q.key || key.startsWith(`${q.key}.`))),
      ) as Record<string, string | string[]>;
      const posted = await owner.send('POST', `/r/${token}/${responseId}/${index + 1}`, { ...fields, _js: '1', _action: 'next' });
      expect(posted.statusCode, posted.body.slice(0, 300)).toBe(303);
      location = String(posted.headers.location);
    }
    expect(location).toBe(`/r/${token}/${responseId}/done?lang=nl`);
    expect((await owner.send('GET', location)).statusCode).toBe(200);
    expect((await new Browser(t).send('GET', location)).statusCode).toBe(403);
  });

  it('an id planted in another browser cannot take over a draft that was started elsewhere', async () => {
    const attacker = new Browser(t);
    const { responseId } = await attacker.start(token);
    const victim = new Browser(t);
    const planted = await victim.start(token, responseId);
    expect(planted.response.statusCode).toBe(403);
    expect(planted.response.body).toContain('Deze antwoorden horen bij een andere browser');
    // A double click in the same browser still starts nothing twice.
    expect((await attacker.start(token, responseId)).response.statusCode).toBe(303);
  });

  it('save and resume by code moves the draft to the new browser', async () => {
    const phone = new Browser(t);
    const { responseId } = await phone.start(token);
    const saved = await phone.send('POST', `/r/${token}/${responseId}/1`, { ...sectionOne(), _action: 'later' });
    const code = /class="code">([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(saved.body)?.[1] ?? '';
    const laptop = new Browser(t);
    const resumed = await laptop.send('POST', `/r/${token}/resume`, { code });
    expect(resumed.statusCode).toBe(303);
    const page = await laptop.send('GET', String(resumed.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/checked=""/);
  });

  it('a JSON submission with an id someone else holds is answered as any other, and stores nothing', async () => {
    const victim = new Browser(t);
    const { responseId, consentVersion } = await victim.start(token);
    await victim.send('POST', `/r/${token}/${responseId}/1`, { ...sectionOne(), _action: 'next' });
    const answers = completeAnswers(instrument);
    const body = { responseId, language: 'nl', consentVersion, answers: { ...answers, opmerkingen: 'overgenomen' } };
    const fresh = { ...body, responseId: crypto.randomUUID() };
    const client = new Client(t.app);
    const onForeign = await client.post(`/api/r/${token}/responses`, body);
    const onFresh = await client.post(`/api/r/${token}/responses`, fresh);
    const onRetry = await client.post(`/api/r/${token}/responses`, fresh);
    expect([onForeign.statusCode, onFresh.statusCode, onRetry.statusCode]).toEqual([200, 200, 200]);
    const shape = (r: LightMyRequestResponse, id: string) => r.body.replace(id, '<id>');
    expect(shape(onForeign, responseId)).toBe(shape(onFresh, fresh.responseId));
    expect(shape(onRetry, fresh.responseId)).toBe(shape(onFresh, fresh.responseId));
    const draft = await t.ctx.db.selectFrom('responses').select('status').where('id', '=', responseId).executeTakeFirstOrThrow();
    expect(draft.status).toBe('draft');
    const texts = await t.ctx.db.selectFrom('answers').select('text_value').where('response_id', '=', responseId).execute();
    expect(texts.map((r) => r.text_value)).not.toContain('overgenomen');
  });
});
