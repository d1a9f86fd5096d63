import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../src/db/database.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { type Answer, hasNginx, type NginxPair, startNginxPair } from '../helpers/nginx-pair.ts';
import { awayFromMinuteTurn } from '../helpers/rate-windows.ts';
import { singlePrompt } from '../meetings/helpers.ts';

/**
 * Behind deploy/nginx.conf, two app processes on one PostgreSQL database: every piece of state a
 * request leaves (CSRF secret, session, rate-limit counts, an import's preview, a meeting's answers)
 * must be found by the other process. nginx names the process that answered (X-Upstream, added by the
 * test only) and hands requests to the two in turn, so `nextOn(port)` chooses the process of the next
 * request and each step asserts where it ran.
 */
describe.runIf(hasNginx && inject('postgresUrl'))('shared state behind nginx, two processes on PostgreSQL', () => {
  let pair: NginxPair;
  let a: number;
  let b: number;
  /** The signed-in administrator's cookies and CSRF token (signed in on one process, used on both). */
  let staff: { cookie: string; csrf: string };
  const send = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    pair.request(method, url, { cookie: staff.cookie, 'x-csrf-token': staff.csrf, ...headers }, body === undefined ? undefined : JSON.stringify(body));
  const orgUrl = () => `/api/orgs/${pair.round.organisationId}`;

  beforeAll(async () => {
    pair = await startNginxPair({ portSlot: 1, showUpstream: true, appEnv: { LOGIN_RATE_LIMIT: '9' } });
    [a, b] = pair.appPorts;
  }, 180_000);

  afterAll(async () => {
    await pair?.stop();
  }, 60_000);

  it('a CSRF token from one process signs in on the other, and the session works on both', async () => {
    await pair.nextOn(a);
    const csrf = await pair.request('GET', '/api/csrf', {});
    expect(csrf.upstream).toBe(a);
    const csrfToken = (JSON.parse(csrf.body) as { token: string }).token;
    const login = await pair.request(
      'POST',
      '/api/auth/login',
      { cookie: csrf.cookies.join('; '), 'x-csrf-token': csrfToken },
      JSON.stringify({ email: 'beheerder@demo.kruisbestuiving.org', password: 'demo-kruisbestuiving' }),
    );
    expect([login.upstream, login.status]).toEqual([b, 200]);
    const names = new Set(login.cookies.map((c) => c.split('=')[0]));
    staff = { cookie: [...csrf.cookies.filter((c) => !names.has(c.split('=')[0])), ...login.cookies].join('; '), csrf: csrfToken };
    const me = [await send('GET', '/api/me'), await send('GET', '/api/me')];
    expect(me.map((r) => [r.upstream, r.status])).toEqual([
      [a, 200],
      [b, 200],
    ]);
    // A state-changing request with the token from process a, answered by process b.
    await pair.nextOn(b);
    const meeting = await send('POST', `${orgUrl()}/meetings`, { title: 'CSRF', prompts: [singlePrompt] });
    expect([meeting.upstream, meeting.status]).toEqual([b, 200]);
    // Without the token it is refused on either process.
    const refused = [await send('POST', `${orgUrl()}/meetings`, { title: 'x', prompts: [singlePrompt] }, { 'x-csrf-token': '' })];
    refused.push(await send('POST', `${orgUrl()}/meetings`, { title: 'x', prompts: [singlePrompt] }, { 'x-csrf-token': '' }));
    expect(refused.map((r) => r.status)).toEqual([403, 403]);
    expect(new Set(refused.map((r) => r.upstream))).toEqual(new Set([a, b]));
  }, 60_000);

  it('both sign-in limits count attempts from both processes together: per account, then per address (LOGIN_RATE_LIMIT=9)', async () => {
    // Another client address than the sign-in above, so this test's count starts at nought; its ten
    // attempts must fall in one minute of the route's limit (fixed windows from :00).
    const from = '127.0.0.2';
    await awayFromMinuteTurn(5_000);
    const csrf = await pair.request('GET', '/api/csrf', {}, undefined, from);
    const csrfToken = (JSON.parse(csrf.body) as { token: string }).token;
    const attempt = (email: string) =>
      pair.request(
        'POST',
        '/api/auth/login',
        { cookie: csrf.cookies.join('; '), 'x-csrf-token': csrfToken },
        JSON.stringify({ email, password: 'niet-het-wachtwoord' }),
        from,
      );
    // The account waits after 5 wrong passwords (src/modules/limits/sign-in-throttle.ts, counted in the database).
    const account: Answer[] = [];
    for (let i = 0; i < 7; i++) account.push(await attempt('beheerder@demo.kruisbestuiving.org'));
    expect(account.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(new Set(account.slice(0, 5).map((r) => r.upstream))).toEqual(new Set([a, b]));
    expect(new Set(account.slice(5).map((r) => r.upstream))).toEqual(new Set([a, b]));
    // The route's limit per address: these 7 and two more make 9, then 429 on both processes. Each
    // address a new account, so the per-account wait plays no part. Counted per process, each would
    // have seen 4 or 5 and allowed all four.
    const address: Answer[] = [];
    for (let i = 0; i < 4; i++) address.push(await attempt(`niemand-${i}@example.org`));
    expect(address.map((r) => r.status)).toEqual([401, 401, 429, 429]);
    expect(new Set(address.slice(2).map((r) => r.upstream))).toEqual(new Set([a, b]));
  }, 60_000);

  it('an import previewed on one process is committed on the other; the export downloads from both', async () => {
    const file = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/imports/ervaringswerkers-excel.csv'));
    const content = { fileName: 'ervaringswerkers.csv', contentBase64: file.toString('base64') };
    const importUrl = `${orgUrl()}/rounds/${pair.round.roundId}/imports`;
    await pair.nextOn(a);
    const preview = await send('POST', `${importUrl}/preview`, content);
    expect([preview.upstream, preview.status]).toEqual([a, 200]);
    const committed = await send('POST', importUrl, { ...content, mapping: (JSON.parse(preview.body) as { mapping: unknown }).mapping });
    expect([committed.upstream, committed.status]).toEqual([b, 200]);
    expect(JSON.parse(committed.body)).toMatchObject({ imported: 4 });

    const exportUrl = `${orgUrl()}/rounds/${pair.round.roundId}/export?format=csv&lang=nl`;
    const downloads = [await send('GET', exportUrl), await send('GET', exportUrl)];
    expect(downloads.map((d) => [d.status, d.headers['x-total-rows'], d.headers['content-disposition']?.toString().startsWith('attachment;')])).toEqual([
      [200, '4', true],
      [200, '4', true],
    ]);
    expect(new Set(downloads.map((d) => d.upstream))).toEqual(new Set([a, b]));
    // The same file from either process (the zip's rows are in random order, so compare sizes).
    expect(downloads[0]?.body.length).toBe(downloads[1]?.body.length);
  }, 120_000);

  it('a respondent fills the form page by page, each page on the other process than the last', async () => {
    const { token, instrument } = pair.round;
    const jar = new Map<string, string>();
    const remember = (cookies: string[]) => {
      for (const c of cookies) jar.set(c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1));
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const form = (fields: Record<string, string | string[]>) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(key, v);
      return params.toString();
    };
    const post = async (url: string, fields: Record<string, string | string[]>) => {
      const res = await pair.request('POST', url, { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, form(fields));
      remember(res.cookies);
      return res;
    };
    const welcome = await pair.request('GET', `/r/${token}`, {});
    remember(welcome.cookies);
    const responseId = /name="responseId" value="([0-9a-f-]{36})"/.exec(welcome.body)?.[1] ?? '';
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    const start = await post(`/r/${token}/start`, { responseId, consentVersion, lang: 'nl', consent: 'yes' });
    expect(start.status).toBe(303);
    const upstreams = [welcome.upstream, start.upstream];
    const answers = sampleAnswers(instrument);
    let url = String(start.headers.location);
    for (const section of instrument.sections) {
      const shown = await pair.request('GET', url, { cookie: cookie() });
      expect(shown.status, url).toBe(200);
      const fields = Object.fromEntries(
        Object.entries(answers)
          .filter(([key]) => section.questions.some((q) => key === q.key || key.startsWith(`${q.key}.`)))
          .map(([key, value]) => [key, Array.isArray(value) ? value.map(String) : String(value)]),
      );
      const posted = await post(url.split('?')[0] ?? url, { ...fields, _action: 'next' });
      expect(posted.status, url).toBe(303);
      upstreams.push(shown.upstream, posted.upstream);
      url = String(posted.headers.location);
    }
    expect(url).toBe(`/r/${token}/${responseId}/done?lang=nl`);
    // Round robin: the draft was read and written by both processes in turn.
    expect(upstreams.every((port, i) => i === 0 || port !== upstreams[i - 1])).toBe(true);
    const handle = openDatabase(pair.testDb.database);
    const stored = await handle.db.selectFrom('responses').select('status').where('id', '=', responseId).executeTakeFirst();
    await handle.close();
    expect(stored?.status).toBe('complete');
  }, 120_000);

  it('a live meeting: the presenter screen on one process sees a participant answering on the other', async () => {
    const created = await send('POST', `${orgUrl()}/meetings`, { title: 'Live', prompts: [singlePrompt] });
    const meeting = JSON.parse(created.body) as { id: string; joinCode: string };
    expect((await send('POST', `${orgUrl()}/meetings/${meeting.id}/control`, { action: 'start' })).status).toBe(200);

    type Snapshot = { joined: number; results: { answered: number } | null };
    const seen: Snapshot[] = [];
    const socket = new WebSocket(`wss://127.0.0.1:${pair.httpsPort}/meetings-live/${pair.round.organisationId}/${meeting.id}/ws`, {
      headers: { host: 'kruisbestuiving.example.org', cookie: staff.cookie },
      rejectUnauthorized: false,
    });
    const presenterPort = await new Promise<number>((resolve, reject) => {
      socket.once('upgrade', (res) => resolve(Number(/:(\d+)$/.exec(String(res.headers['x-upstream']))?.[1])));
      socket.once('error', reject);
    });
    const participantPort = presenterPort === a ? b : a;
    const answered = new Promise<Snapshot>((resolve) =>
      socket.on('message', (data) => {
        const snapshot = JSON.parse(String(data)) as Snapshot;
        seen.push(snapshot);
        if (snapshot.results?.answered === 1) resolve(snapshot);
      }),
    );

    const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
    await pair.nextOn(participantPort);
    const joined = await pair.request('POST', `/m/${meeting.joinCode}/join`, formHeaders, 'position=experience_worker');
    const cookie = joined.cookies.filter((c) => c.startsWith('kb_m=')).join('; ');
    await pair.nextOn(participantPort);
    const page = await pair.request('GET', `/m/${meeting.joinCode}`, { cookie });
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)?.[1] ?? '';
    const payload = new URLSearchParams({ promptId: field('promptId'), clientId: field('clientId'), choice: 'a' }).toString();
    await pair.nextOn(participantPort);
    const answer = await pair.request('POST', `/m/${meeting.joinCode}/answer`, { ...formHeaders, cookie }, payload);
    expect([joined.upstream, page.upstream, answer.upstream]).toEqual([participantPort, participantPort, participantPort]);
    expect(answer.status).toBeLessThan(400);

    const snapshot = await answered;
    expect(snapshot.joined).toBe(1);
    socket.close();
  }, 60_000);

  it('a process killed (SIGKILL) while answers stream in loses no acknowledged answer; nginx sends the rest to the other', async () => {
    const { token, instrument } = pair.round;
    const victim = pair.apps[1];
    if (!victim) throw new Error('no second process');
    const victimExited = new Promise((r) => victim.once('exit', r));
    const welcome = await pair.request('GET', `/r/${token}`, {});
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    const csrf = await pair.request('GET', '/api/csrf', {});
    const headers = { cookie: csrf.cookies.join('; '), 'x-csrf-token': (JSON.parse(csrf.body) as { token: string }).token };
    const plan = Array.from({ length: 120 }, (_, i) => ({ id: randomUUID(), answers: sampleAnswers(instrument, seededPick(100 + i)) }));
    const submit = (next: (typeof plan)[number]) =>
      pair.request(
        'POST',
        `/api/r/${token}/responses`,
        headers,
        JSON.stringify({ responseId: next.id, language: 'nl', consentVersion, answers: next.answers }),
      );

    const acknowledged = new Map<string, { port: number | undefined; afterKill: boolean }>();
    const notAcknowledged: { next: (typeof plan)[number]; status: number }[] = [];
    const pending = [...plan];
    let killed = false;
    const stream = async () => {
      for (let next = pending.shift(); next; next = pending.shift()) {
        const answer = await submit(next);
        if (answer.status === 200) acknowledged.set(next.id, { port: answer.upstream, afterKill: killed });
        else notAcknowledged.push({ next, status: answer.status });
        // Kill process b after 30 acknowledgements, while the other streams' requests are in flight.
        if (!killed && acknowledged.size >= 30) {
          killed = true;
          victim.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, stream));
    await victimExited;

    expect(killed).toBe(true);
    // Both processes acknowledged answers before the kill; after it only the survivor did.
    const before = [...acknowledged.values()].filter((x) => !x.afterKill);
    expect(new Set(before.map((x) => x.port))).toEqual(new Set([a, b]));
    const lateFromVictim = [...acknowledged.values()].filter((x) => x.afterKill && x.port === b);
    expect(lateFromVictim.length).toBeLessThanOrEqual(8);
    // A request in flight at the victim gets nginx's 502 (not acknowledged: the client sends it again), never another
    // error. Whether one is in flight at the kill is timing: when the victim had answered all of its own, none is.
    expect(notAcknowledged.filter((x) => x.status !== 502).map((x) => x.status)).toEqual([]);
    expect(acknowledged.size + notAcknowledged.length).toBe(plan.length);

    const handle = openDatabase(pair.testDb.database);
    try {
      const ackedIds = [...acknowledged.keys()];
      const stored = await handle.db.selectFrom('responses').select('id').where('status', '=', 'complete').where('id', 'in', ackedIds).execute();
      expect(stored).toHaveLength(ackedIds.length);
      const withAnswers = await handle.db.selectFrom('answers').select('response_id').distinct().where('response_id', 'in', ackedIds).execute();
      expect(withAnswers).toHaveLength(ackedIds.length);

      // Sent again, the unacknowledged ones are stored (once) by the survivor.
      for (const missed of notAcknowledged) {
        const again = await submit(missed.next);
        expect([again.status, again.upstream]).toEqual([200, a]);
      }
      const all = await handle.db
        .selectFrom('responses')
        .select('id')
        .where(
          'id',
          'in',
          plan.map((p) => p.id),
        )
        .execute();
      expect(all).toHaveLength(plan.length);
    } finally {
      await handle.close();
    }
  }, 180_000);
});
