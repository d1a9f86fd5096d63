import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const txt = (nl: string, en = '') => ({ nl, en });

describeEachDatabase('instrument preview: the respondent page, without a way to send it', (dialect) => {
  let t: TestApp;
  let org: string;
  let researcher: Client;
  let instrumentId: string;
  const preview = (query = '') => `/api/orgs/${org}/instruments/${instrumentId}/versions/1/preview${query}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Het Anker');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    researcher = new Client(t.app);
    await researcher.login(user.email, TEST_PASSWORD);
    const created = await researcher.post(`/api/orgs/${org}/instruments`, { key: 'kort', title: txt('Korte lijst', 'Short list') });
    instrumentId = created.json().id;
  });
  afterAll(() => t.close());

  it('says plainly when there is nothing to show yet', async () => {
    const response = await researcher.get(preview());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Nog niets te zien');
  });

  it('shows a saved draft section by section as the respondent form, with sending switched off', async () => {
    const definition = {
      key: 'kort',
      title: txt('Korte lijst', 'Short list'),
      intro: txt(''),
      sections: [
        {
          key: 'een',
          title: txt('Over jou', 'About you'),
          questions: [
            { key: 'kleur', type: 'single', text: txt('Welke kleur?', 'Which colour?'), required: true, options: [{ key: 'rood', label: txt('Rood', 'Red') }] },
            { key: 'waarom', type: 'short_text', text: txt('Waarom?'), required: false, showIf: { question: 'kleur', equals: 'rood' } },
          ],
        },
        { key: 'twee', title: txt('Tot slot'), questions: [{ key: 'nog', type: 'long_text', text: txt('Nog iets?'), required: false }] },
      ],
    };
    expect((await researcher.put(`/api/orgs/${org}/instruments/${instrumentId}/versions/1`, { definition })).statusCode).toBe(200);

    const first = await researcher.get(preview('?section=1&lang=nl'));
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Deel 1 van 2');
    expect(first.body).toContain('Welke kleur?');
    // A conditional question is shown too, and the note says so.
    expect(first.body).toContain('Waarom?');
    expect(first.body).toContain('Voorbeeld van versie 1 (concept)');
    expect(first.body).not.toContain('method="post"');
    expect(first.body).toContain('href="?section=1&amp;lang=en"');
    expect(String(first.headers['content-security-policy'])).toContain("form-action 'none'");

    const second = await researcher.get(preview('?section=2&lang=en'));
    expect(second.body).toContain('Part 2 of 2');
    expect(second.body).toContain('Preview of version 1 (draft)');
    expect((await researcher.get(preview('?section=3'))).statusCode).toBe(404);
  });

  it('is not for members, and another organisation does not find it', async () => {
    const member = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const memberClient = new Client(t.app);
    await memberClient.login(member.email, TEST_PASSWORD);
    expect((await memberClient.get(preview())).statusCode).toBe(403);

    const otherOrg = await makeOrganisation(t.ctx, 'Elders');
    const outsider = await makeUser(t.ctx, { organisationId: otherOrg, role: 'admin' });
    const outsiderClient = new Client(t.app);
    await outsiderClient.login(outsider.email, TEST_PASSWORD);
    expect((await outsiderClient.get(preview())).statusCode).toBe(404);
    expect((await new Client(t.app).get(preview())).statusCode).toBe(401);
  });

  it("shows a title with $` and $' as written: they are text, not replacement patterns", async () => {
    const title = "Geld $` en $' terug, $& ook";
    const definition = {
      key: 'kort',
      title: txt('Korte lijst'),
      intro: txt(''),
      sections: [{ key: 'een', title: txt(title), questions: [{ key: 'nog', type: 'long_text', text: txt('Nog iets?'), required: false }] }],
    };
    expect((await researcher.put(`/api/orgs/${org}/instruments/${instrumentId}/versions/1`, { definition })).statusCode).toBe(200);
    const page = await researcher.get(preview('?section=1&lang=nl'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Geld $` en $&#x27; terug, $&amp; ook');
    expect(page.body.match(/<main\b/g)).toHaveLength(1);
    expect(page.body.match(/<!doctype html>/gi)).toHaveLength(1);
  });
});
