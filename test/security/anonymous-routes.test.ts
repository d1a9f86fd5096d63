import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnonymousErrorReport } from '../../src/http/anonymous.ts';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { getPublishedVersion } from '../../src/modules/instruments/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { completeAnswers, formEncode, openRound } from '../helpers/respondent.ts';

const ADDRESS = '203.0.113.77';

/**
 * Issue 11.2: the form promises no IP address and not the hour. A whole response, a save with a code,
 * a resume, a JSON submission, mistyped links and the exhibition leave no line in the log and no
 * address, token or response id in the rate-limit store.
 */
describeEachDatabase('anonymous routes leave no trace', (dialect) => {
  let t: TestApp;
  let token: string;
  let instrument: ResolvedInstrument;
  const cookies = new Map<string, string>();
  let csrfToken = '';

  const send = async (method: 'GET' | 'POST', url: string, fields?: Record<string, string | string[]>, json?: unknown) => {
    const response = await t.app.inject({
      method,
      url,
      remoteAddress: ADDRESS,
      headers: {
        'x-forwarded-for': ADDRESS,
        'user-agent': 'Mozilla/5.0 (Linux; Android 9) Respondent/1.0',
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...(json ? { 'content-type': 'application/json', 'x-csrf-token': csrfToken } : {}),
      },
      ...(fields ? { payload: formEncode(fields) } : {}),
      ...(json ? { payload: JSON.stringify(json) } : {}),
    });
    for (const c of response.cookies as { name: string; value: string }[]) cookies.set(c.name, c.value);
    return response;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { logLevel: 'trace' });
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    const researcher = new Client(t.app);
    await researcher.login(user.email, TEST_PASSWORD);
    const opened = await openRound(researcher, org);
    token = opened.token;
    instrument = (await getPublishedVersion(t.ctx, opened.versionId)).instrument;
  });
  afterAll(() => t.close());

  it('a whole response, a saved draft, a resume and a JSON submission write no log line', async () => {
    const csrf = await send('GET', '/api/csrf');
    csrfToken = csrf.json().token;
    const before = t.logs.length;
    const welcome = await send('GET', `/r/${token}?lang=nl`);
    expect(welcome.statusCode).toBe(200);
    const responseId = /name="responseId" value="([0-9a-f-]{36})"/.exec(welcome.body)?.[1] ?? '';
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    await send('GET', '/r-assets/form.css');
    expect((await send('POST', `/r/${token}/start`, { responseId, consentVersion, consent: 'yes' })).statusCode).toBe(303);
    const saved = await send('POST', `/r/${token}/${responseId}/1`, { _action: 'later' });
    const code = /class="code">([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(saved.body)?.[1] ?? '';
    expect((await send('POST', `/r/${token}/resume`, { code })).statusCode).toBe(303);
    const answers = completeAnswers(instrument);
    for (let page = 1; page <= instrument.sections.length; page++) {
      const section = instrument.sections[page - 1];
      const fields = Object.fromEntries(
        Object.entries(answers).filter(([key]) => section?.questions.some((q) => key === q.key || key.startsWith(`${q.key}.`))),
      ) as Record<string, string | string[]>;
      expect((await send('GET', `/r/${token}/${responseId}/${page}`)).statusCode).toBe(200);
      expect((await send('POST', `/r/${token}/${responseId}/${page}`, { ...fields, _action: 'next' })).statusCode).toBe(303);
    }
    expect((await send('GET', `/r/${token}/${responseId}/done`)).statusCode).toBe(200);
    const jsonId = crypto.randomUUID();
    const submitted = await send('POST', `/api/r/${token}/responses`, undefined, { responseId: jsonId, language: 'nl', consentVersion, answers });
    expect(submitted.statusCode).toBe(200);
    // Mistakes and refusals on anonymous routes leave no trace either.
    expect((await send('GET', `/r/${token}/${crypto.randomUUID()}/1`)).statusCode).toBeGreaterThanOrEqual(400);
    expect((await send('GET', `/r/${token}/${crypto.randomUUID()}/0`)).statusCode).toBe(404);
    expect((await send('POST', `/api/r/${token}/responses`, undefined, { responseId: 'x' })).statusCode).toBe(400);
    expect((await send('GET', `/tentoonstelling/${'a'.repeat(20)}`)).statusCode).toBe(404);

    const lines = t.logs.slice(before);
    expect(lines).toEqual([]);
    const everything = t.logs.join('\n');
    for (const secret of [token, responseId, jsonId, code, ADDRESS, '/r/', '/tentoonstelling/', '/api/r/']) expect(everything).not.toContain(secret);
  });

  it('the rate-limit store keeps no address, token or response id', async () => {
    const rows = await t.ctx.db.selectFrom('rate_limit_counters').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(ADDRESS);
    expect(stored).not.toContain(token);
  });

  it('staff requests are still logged, with their request id', async () => {
    const before = t.logs.length;
    await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(t.logs.slice(before).join('\n')).toMatch(/"reqId":"[0-9a-f-]{36}".*"url":"\/healthz"/);
  });
});

describe('unexpected errors on anonymous routes', () => {
  it('are reported as counts by kind, without the path, the message or the time of each', () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => done(void lines.push(String(chunk))) }));
    const report = new AnonymousErrorReport(log);
    const token = 'Qm9vZ2llLXRva2VuLXRoYXQtbXVzdC1ub3QtbGVhaw';
    for (let i = 0; i < 3; i++) report.record('/r/:token/:responseId/:page', new TypeError(`cannot read ${token}`));
    expect(lines).toEqual([]);
    report.stop();
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line.anonymousErrors).toMatchObject([{ route: '/r/:token/:responseId/:page', type: 'TypeError', count: 3 }]);
    expect(lines[0]).not.toContain(token);
  });
});
