import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { openPrompt, singlePrompt } from './helpers.ts';
import { hidden, Phone } from './phone.ts';

describeEachDatabase('meeting participant pages without JavaScript', (dialect) => {
  let t: TestApp;
  let org: string;
  let staff: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect, { logLevel: 'debug' });
    org = await makeOrganisation(t.ctx);
    const coordinator = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    staff = new Client(t.app);
    await staff.login(coordinator.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('joins by code, answers once (a resent form counts once), changes, withdraws; the logs keep no code, receipt or address', async () => {
    const created = await staff.post(`/api/orgs/${org}/meetings`, { title: 'Ontmoeting GGZ', prompts: [singlePrompt, openPrompt] });
    expect(created.statusCode).toBe(200);
    const meeting = created.json<{ id: string; joinCode: string }>();
    const code = meeting.joinCode;
    expect((await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'start' })).statusCode).toBe(200);

    const phone = new Phone(t.app);
    // Typed in lower case with a space: still the code.
    const typed = await phone.request('POST', '/m', { code: `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}` });
    expect(typed.statusCode).toBe(303);
    expect(typed.headers.location).toBe(`/m/${code}?lang=nl`);
    const joinPage = await phone.request('GET', `/m/${code}`);
    expect(joinPage.body).toContain('Je doet anoniem mee');
    const joined = await phone.request('POST', `/m/${code}/join`, { position: 'experience_worker' });
    expect(joined.statusCode).toBe(200);
    const receipt = joined.body.match(/class="receipt">([A-Z0-9]{4}-[A-Z0-9]{4})</)?.[1] ?? '';
    expect(receipt).toMatch(/^[ACEFGHJKMNPRTWXY34679]{4}-[ACEFGHJKMNPRTWXY34679]{4}$/);
    const token = phone.cookies.get('kb_m') ?? '';
    expect(token.length).toBeGreaterThan(20);

    const page = await phone.request('GET', `/m/${code}`);
    expect(page.body).toContain('Welke kleur?');
    const form = { promptId: hidden(page.body, 'promptId'), clientId: hidden(page.body, 'clientId'), choice: 'a' };
    const sent = await phone.request('POST', `/m/${code}/answer`, form);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/m/${code}?lang=nl&saved=1`);
    expect((await phone.request('POST', `/m/${code}/answer`, form)).statusCode).toBe(303);
    const answers = () => t.ctx.db.selectFrom('meeting_answers').select('value').where('prompt_id', '=', form.promptId).execute();
    expect(await answers()).toEqual([{ value: '{"choice":"a"}' }]);
    const again = await phone.request('GET', `/m/${code}?saved=1`);
    expect(again.body).toContain('Je antwoord is bewaard.');
    expect(again.body).toContain('Verander je antwoord');
    await phone.request('POST', `/m/${code}/answer`, { ...form, clientId: hidden(again.body, 'clientId'), choice: 'b' });
    expect(await answers()).toEqual([{ value: '{"choice":"b"}' }]);

    // Bad input: a page with the error in Dutch, nothing changed, never a 500.
    const bad = await phone.request('POST', `/m/${code}/answer`, { ...form, clientId: 'client-bad1', choice: 'zz' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Dit antwoord past niet bij de vraag.');
    const bodies: Record<string, string | string[]>[] = [
      {},
      { promptId: 'x' },
      { choice: ['a', 'b'] },
      { rank_a: '1', rank_b: '1', promptId: form.promptId, clientId: 'client-rank' },
    ];
    for (const body of bodies) {
      expect((await phone.request('POST', `/m/${code}/answer`, body)).statusCode).toBeLessThan(500);
    }
    expect(await answers()).toEqual([{ value: '{"choice":"b"}' }]);
    expect((await phone.request('GET', '/m/AAAAAA')).statusCode).toBe(404);

    // The facilitator sees the count, not the answer with its person.
    const results = await staff.get(`/api/orgs/${org}/meetings/${meeting.id}/results`);
    expect(results.json().prompts[0].answered).toBe(1);

    const wrong = await phone.request('POST', `/m/${code}/withdraw`, { receipt: 'AAAA-AAAA' });
    expect(wrong.statusCode).toBe(400);
    const withdrawn = await phone.request('POST', `/m/${code}/withdraw`, { receipt });
    expect(withdrawn.body).toContain('Je antwoorden zijn gewist.');
    expect(await answers()).toEqual([]);
    expect(phone.cookies.has('kb_m')).toBe(false);

    const logs = t.logs.join('\n');
    // The facilitator's requests are logged; nothing of the phone's paths is (http/anonymous.ts), and no address at all.
    expect(logs).toContain(`/api/orgs/${org}/meetings`);
    expect(t.logs.filter((l) => /"url":"\/m(\/|\?|")/.test(l))).toEqual([]);
    for (const secret of [code, receipt, receipt.replace('-', ''), token, form.clientId]) expect(logs).not.toContain(secret);
    expect(logs).not.toContain('remoteAddress');
  });

  it('writes the report in Markdown and as a PDF', { timeout: 60_000 }, async () => {
    const created = (await staff.post(`/api/orgs/${org}/meetings`, { title: 'Verslag', prompts: [singlePrompt] })).json<{ id: string; joinCode: string }>();
    await staff.post(`/api/orgs/${org}/meetings/${created.id}/control`, { action: 'start' });
    for (let i = 0; i < 6; i += 1) {
      const phone = new Phone(t.app);
      await phone.request('POST', `/m/${created.joinCode}/join`, { position: 'practitioner' });
      const page = await phone.request('GET', `/m/${created.joinCode}`);
      await phone.request('POST', `/m/${created.joinCode}/answer`, {
        promptId: hidden(page.body, 'promptId'),
        clientId: hidden(page.body, 'clientId'),
        choice: 'a',
      });
    }
    const markdown = await staff.get(`/api/orgs/${org}/meetings/${created.id}/report.md`);
    expect(markdown.body).toBe(
      [
        '# Verslag',
        '',
        '6 deelnemers.',
        '',
        '## 1. Welke kleur?',
        '',
        '6 antwoorden.',
        '',
        '> Ervaringswerkers: te weinig antwoorden om apart te tonen (minder dan 5, of het zou de anderen verraden). Ze tellen mee in de hele zaal.',
        '',
        '| | Hele zaal | Professionals |',
        '|---|---:|---:|',
        '| Rood | 6 | 6 |',
        '| Blauw | 0 | 0 |',
        '',
      ].join('\n'),
    );
    const pdf = await staff.get(`/api/orgs/${org}/meetings/${created.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the participant page small: HTML, stylesheet and script under 50 KB together', async () => {
    const created = (await staff.post(`/api/orgs/${org}/meetings`, { title: 'Klein', template: 'de_ontmoeting' })).json<{ id: string; joinCode: string }>();
    await staff.post(`/api/orgs/${org}/meetings/${created.id}/control`, { action: 'start' });
    await staff.post(`/api/orgs/${org}/meetings/${created.id}/control`, { action: 'go', index: 2 });
    const phone = new Phone(t.app);
    await phone.request('POST', `/m/${created.joinCode}/join`, { position: '' });
    const page = await phone.request('GET', `/m/${created.joinCode}`);
    expect(page.body).toContain('Welke rol nemen of dienen ervaringswerkers op te nemen?');
    const css = await phone.request('GET', '/m-assets/meeting.css');
    const js = await phone.request('GET', '/m-assets/meeting.js');
    expect(page.rawPayload.length + css.rawPayload.length + js.rawPayload.length).toBeLessThan(50 * 1024);
  });
});
