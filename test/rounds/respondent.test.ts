import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { getPublishedVersion } from '../../src/modules/instruments/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { type CookieJar, completeAnswers, getPage, openRound, postForm } from '../helpers/respondent.ts';

describeEachDatabase('collection rounds and the respondent form', (dialect) => {
  let t: TestApp;
  let org: string;
  let team: string;
  let researcher: Client;
  let token: string;
  let roundId: string;
  let instrument: ResolvedInstrument;

  const counts = async () => (await researcher.get(`/api/orgs/${org}/rounds/${roundId}`)).json().responses;
  const location = (response: { headers: Record<string, unknown> }) => String(response.headers.location);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Het Anker');
    team = await makeTeam(t.ctx, org, 'Team Oost');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    researcher = new Client(t.app);
    await researcher.login(user.email, TEST_PASSWORD);
    const opened = await openRound(researcher, org, { teamIds: [team] });
    token = opened.token;
    roundId = opened.round.id;
    instrument = (await getPublishedVersion(t.ctx, opened.versionId)).instrument;
  });
  afterAll(() => t.close());

  it('a round has a link for the organisation and one per team, each with a QR code', async () => {
    const detail = (await researcher.get(`/api/orgs/${org}/rounds/${roundId}`)).json();
    expect(detail.links).toHaveLength(2);
    expect(detail.links.map((l: { teamName: string | null }) => l.teamName)).toEqual([null, 'Team Oost']);
    for (const link of detail.links) {
      expect(link.url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
      expect(link.qrSvg).toMatch(/^<svg/);
    }
    expect(detail.responses).toEqual({ complete: 0, started: 0, fewerThan: null });
    expect(await auditActions(t.ctx, org)).toContain('round.created');
  });

  it('a respondent answers every page with plain form posts, no JavaScript and no account', async () => {
    const welcome = await t.app.inject({ method: 'GET', url: `/r/${token}`, headers: { 'accept-language': 'nl-BE' } });
    expect(welcome.statusCode).toBe(200);
    expect(welcome.body).toContain('Je doet anoniem mee.');
    expect(welcome.body).toContain('Het Anker');
    // No inline script: only the optional enhancement file, which the form does not need.
    expect(welcome.body.match(/<script[^>]*>/g)).toEqual(['<script src="/r-assets/form.js" defer="">']);
    expect(Buffer.byteLength(welcome.body)).toBeLessThan(50 * 1024);
    const responseId = /name="responseId" value="([0-9a-f-]{36})"/.exec(welcome.body)?.[1] ?? '';
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';

    const browser: CookieJar = new Map();
    const noConsent = await postForm(t.app, `/r/${token}/start`, { responseId, consentVersion, lang: 'nl' }, browser);
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('Vink aan dat je dit gelezen hebt');

    const start = await postForm(t.app, `/r/${token}/start`, { responseId, consentVersion, lang: 'nl', consent: 'yes' }, browser);
    expect(start.statusCode).toBe(303);
    expect(location(start)).toBe(`/r/${token}/${responseId}/1`);
    // A double click on "Begin" starts nothing twice.
    expect((await postForm(t.app, `/r/${token}/start`, { responseId, consentVersion, lang: 'nl', consent: 'yes' }, browser)).statusCode).toBe(303);
    expect(await counts()).toEqual({ complete: 0, started: 1, fewerThan: null });

    const answers = completeAnswers(instrument);
    let url = location(start);
    for (let page = 1; page <= instrument.sections.length; page++) {
      const shown = await getPage(t.app, url, browser);
      expect(shown.statusCode, url).toBe(200);
      expect(shown.body).toContain(`Deel ${page} van ${instrument.sections.length}`);
      expect(Buffer.byteLength(shown.body), `page ${page} size`).toBeLessThan(50 * 1024);
      const section = instrument.sections[page - 1];
      const fields = Object.fromEntries(
        Object.entries(answers).filter(([key]) => section?.questions.some((q) => key === q.key || key.startsWith(`${q.key}.`))),
      );
      const posted = await postForm(t.app, url.split('?')[0] ?? url, { ...fields, _action: 'next' }, browser);
      expect(posted.statusCode, `${url}: ${posted.body.match(/class="error"[^<]*<\/p>|<li>.*?<\/li>/g)?.join(' ')}`).toBe(303);
      url = location(posted);
    }
    expect(url).toBe(`/r/${token}/${responseId}/done?lang=nl`);
    const thanks = await getPage(t.app, url, browser);
    expect(thanks.body).toContain('Je antwoorden zijn goed bewaard');
    expect(await counts()).toEqual({ complete: 1, started: 1, fewerThan: null });

    const stored = await t.ctx.db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirstOrThrow();
    expect(stored.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(stored.consent_version).toBe(consentVersion);
    const rows = await t.ctx.db.selectFrom('answers').select(['question', 'option']).where('response_id', '=', responseId).execute();
    expect(rows.filter((r) => r.question === 'rollen').map((r) => r.option)).toEqual(['kritische_stem']);
  });

  it("the form's pages are compressed as asked (brotli, else gzip, else none) and its redirects carry no body", async () => {
    const page = (encoding?: string) => t.app.inject({ method: 'GET', url: `/r/${token}`, headers: encoding ? { 'accept-encoding': encoding } : {} });
    const plain = await page();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('no-store');
    const br = await page('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    const unpacked = zlib.brotliDecompressSync(br.rawPayload).toString();
    expect(unpacked.startsWith('<!doctype html><html lang="nl">')).toBe(true);
    // The same page but for its response id, which is new on every welcome.
    const withoutId = (html: string) => html.replace(/name="responseId" value="[0-9a-f-]{36}"/, '');
    expect(withoutId(unpacked)).toBe(withoutId(plain.body));
    const gz = await page('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(withoutId(zlib.gunzipSync(gz.rawPayload).toString())).toBe(withoutId(plain.body));
    expect((await page('identity')).headers['content-encoding']).toBeUndefined();
    expect((await page('br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    const responseId = /name="responseId" value="([0-9a-f-]{36})"/.exec(plain.body)?.[1] ?? '';
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(plain.body)?.[1] ?? '';
    const started = await t.app.inject({
      method: 'POST',
      url: `/r/${token}/start`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': 'br' },
      payload: new URLSearchParams({ responseId, consentVersion, lang: 'nl', consent: 'yes' }).toString(),
    });
    expect(started.statusCode).toBe(303);
    expect(started.headers['content-encoding']).toBeUndefined();
    expect(started.rawPayload.length).toBe(0);
  });

  it('a wrong answer on a page is refused with a message next to the field, and nothing is stored', async () => {
    const responseId = crypto.randomUUID();
    const welcome = await t.app.inject({ method: 'GET', url: `/r/${token}?lang=en` });
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    const browser: CookieJar = new Map();
    await postForm(t.app, `/r/${token}/start`, { responseId, consentVersion, lang: 'en', consent: 'yes' }, browser);
    const first = instrument.sections[0];
    const required = first?.questions.find((q) => q.required);
    const response = await postForm(t.app, `/r/${token}/${responseId}/1`, { _action: 'next', _lang: 'en' }, browser);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('role="alert"');
    expect(response.body).toContain(`id="${required?.key}-error"`);
    const rows = await t.ctx.db.selectFrom('answers').select('question').where('response_id', '=', responseId).execute();
    expect(rows).toEqual([]);
  });

  it('save and resume with a short code, without an account', async () => {
    const responseId = crypto.randomUUID();
    const welcome = await t.app.inject({ method: 'GET', url: `/r/${token}` });
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    const browser: CookieJar = new Map();
    await postForm(t.app, `/r/${token}/start`, { responseId, consentVersion, lang: 'nl', consent: 'yes' }, browser);
    const saved = await postForm(t.app, `/r/${token}/${responseId}/1`, { _action: 'later' }, browser);
    expect(saved.statusCode).toBe(200);
    const code = /class="code">([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(saved.body)?.[1];
    expect(code).toBeDefined();
    const wrong = await postForm(t.app, `/r/${token}/resume`, { code: 'AAAA-AAAA' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('We vinden geen antwoorden met deze code');
    const resumed = await postForm(t.app, `/r/${token}/resume`, { code: (code ?? '').toLowerCase() });
    expect(resumed.statusCode).toBe(303);
    expect(location(resumed)).toBe(`/r/${token}/${responseId}/1?lang=nl`);
  });

  it('the whole response as JSON: duplicates store one response, bad answers store nothing', async () => {
    const client = new Client(t.app);
    const welcome = await t.app.inject({ method: 'GET', url: `/r/${token}` });
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    const responseId = crypto.randomUUID();
    const body = { responseId, language: 'nl', consentVersion, answers: completeAnswers(instrument) };
    const before = (await counts()).complete;
    const results = await Promise.all(Array.from({ length: 5 }, () => client.post(`/api/r/${token}/responses`, body)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    // Every retry is acknowledged alike (no oracle of which ids exist); one response is stored.
    expect(new Set(results.map((r) => r.body))).toEqual(new Set([JSON.stringify({ responseId, status: 'complete' })]));
    expect((await counts()).complete).toBe(before + 1);

    const bad = [{ rollen: ['kritische_stem', 'geen_specifieke_rol'] }, { rollen: ['koning'] }, { onbekende_vraag: 'x' }, { opmerkingen: 'x'.repeat(6000) }];
    for (const change of bad) {
      const id = crypto.randomUUID();
      const response = await client.post(`/api/r/${token}/responses`, { ...body, responseId: id, answers: { ...body.answers, ...change } });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(await t.ctx.db.selectFrom('responses').select('id').where('id', '=', id).execute()).toEqual([]);
    }
    const missingRequired = { ...body.answers };
    delete missingRequired.rollen;
    expect((await client.post(`/api/r/${token}/responses`, { ...body, responseId: crypto.randomUUID(), answers: missingRequired })).statusCode).toBe(400);
  });

  it('an unknown, mistyped or closed link gets a friendly page, not an error', async () => {
    for (const url of ['/r/nope', `/r/${token.slice(0, -1)}x`, `/r/${'a'.repeat(43)}`]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('We vinden deze vragenlijst niet');
    }
    const closedRound = await openRound(researcher, org);
    await researcher.patch(`/api/orgs/${org}/rounds/${closedRound.round.id}`, { status: 'closed' });
    const closed = await t.app.inject({ method: 'GET', url: `/r/${closedRound.token}` });
    expect(closed.statusCode).toBe(410);
    expect(closed.body).toContain('Deze vragenlijst is gesloten');
  });

  it('only researchers and admins open rounds; another organisation sees nothing', async () => {
    const member = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const memberClient = new Client(t.app);
    await memberClient.login(member.email, TEST_PASSWORD);
    expect((await memberClient.get(`/api/orgs/${org}/rounds`)).statusCode).toBe(403);
    const outsider = await makeUser(t.ctx, { organisationId: await makeOrganisation(t.ctx), role: 'admin' });
    const outsiderClient = new Client(t.app);
    await outsiderClient.login(outsider.email, TEST_PASSWORD);
    expect((await outsiderClient.get(`/api/orgs/${org}/rounds/${roundId}`)).statusCode).toBe(404);
  });
});
