import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublishedVersion } from '../../src/modules/instruments/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const txt = (nl: string, en = nl) => ({ nl, en });

/** A small valid definition: one section, a choice and a condition on it. */
const definition = (title = 'Korte vragenlijst') => ({
  key: 'wordt-overschreven',
  title: txt(title, 'Short questionnaire'),
  intro: txt('Dank je om mee te doen.', 'Thank you for taking part.'),
  sections: [
    {
      key: 'deel',
      title: txt('Deel één', 'Part one'),
      questions: [
        {
          key: 'rollen',
          type: 'multiple',
          text: txt('Welke rol nemen of dienen ervaringswerkers op te nemen?'),
          required: true,
          options: { framework: 'roles', version: 1 },
        },
        {
          key: 'toelichting',
          type: 'long_text',
          text: txt('Wil je dat uitleggen?'),
          required: false,
          showIf: { question: 'rollen', equals: 'kritische_stem' },
        },
      ],
    },
  ],
});

describeEachDatabase('instruments: drafts, publication and versions', (dialect) => {
  let t: TestApp;
  let org: string;
  let researcher: Client;
  const base = () => `/api/orgs/${org}/instruments`;

  async function signedIn(organisationId: string, role: 'admin' | 'researcher' | 'coordinator' | 'member', language: 'nl' | 'en' = 'nl') {
    const user = await makeUser(t.ctx, { organisationId, role, language });
    const client = new Client(t.app, language);
    await client.login(user.email, TEST_PASSWORD);
    return client;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Kompas vzw');
    researcher = await signedIn(org, 'researcher');
  });
  afterAll(() => t.close());

  it('draft → publish → editing makes a v2 draft, and v1 stays exactly as published', async () => {
    const created = await researcher.post(base(), { key: 'bevraging-2027', title: txt('Bevraging 2027', 'Survey 2027') });
    expect(created.statusCode).toBe(200);
    const instrument = created.json();
    expect(instrument).toMatchObject({ key: 'bevraging-2027', versions: [{ version: 1, status: 'draft', publishedAt: null }] });
    const url = `${base()}/${instrument.id}`;

    const saved = await researcher.put(`${url}/versions/1`, { definition: definition() });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().definition).toMatchObject({ key: 'bevraging-2027', title: { nl: 'Korte vragenlijst' } });

    const published = await researcher.post(`${url}/versions/1/publish`);
    expect(published.statusCode).toBe(200);
    const v1 = published.json();
    expect(v1).toMatchObject({ version: 1, status: 'published', publishedAt: expect.any(String) });
    // The published version carries its framework options written out.
    expect(v1.resolved.sections[0].questions[0].options).toHaveLength(9);
    expect(v1.resolved.sections[0].questions[0].source).toEqual({ framework: 'roles', version: 1 });

    const draft = await researcher.post(`${url}/draft`);
    expect(draft.json()).toMatchObject({ version: 2, status: 'draft', definition: v1.definition, resolved: null });
    expect((await researcher.post(`${url}/draft`)).json().id).toBe(draft.json().id);

    const edited = await researcher.put(`${url}/versions/2`, { definition: definition('Korte vragenlijst, versie twee') });
    expect(edited.json().definition.title.nl).toBe('Korte vragenlijst, versie twee');
    expect((await researcher.get(`${url}/versions/1`)).json()).toEqual(v1);

    const detail = (await researcher.get(url)).json();
    expect(detail.title.nl).toBe('Korte vragenlijst, versie twee');
    expect(detail.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expect(await auditActions(t.ctx, org)).toEqual(expect.arrayContaining(['instrument.created', 'instrument.published', 'instrument.draft_created']));

    const list = (await researcher.get(base())).json().instruments;
    expect(list.filter((i: { builtin: boolean }) => i.builtin).map((i: { key: string }) => i.key)).toEqual([
      'cocreatie-ervaringswerkers',
      'cocreatie-professionals',
    ]);
    expect(list.find((i: { id: string }) => i.id === instrument.id)).toMatchObject({
      builtin: false,
      published: { id: v1.id, version: 1 },
      draft: { id: draft.json().id, version: 2 },
    });

    // Other modules read a published version by its id; a draft is not one.
    const forOthers = await getPublishedVersion(t.ctx, v1.id);
    expect(forOthers).toMatchObject({ organisationId: org, instrumentId: instrument.id, key: 'bevraging-2027', version: 1 });
    expect(forOthers.instrument).toEqual(v1.resolved);
    await expect(getPublishedVersion(t.ctx, draft.json().id)).rejects.toMatchObject({ id: 'not_found' });
  });

  it('a published version cannot be saved or published again (409)', async () => {
    const { id } = (await researcher.post(base(), { copyOf: 'cocreatie-professionals' })).json();
    expect((await researcher.post(`${base()}/${id}/versions/1/publish`)).statusCode).toBe(200);
    const before = (await researcher.get(`${base()}/${id}/versions/1`)).json();
    const save = await researcher.put(`${base()}/${id}/versions/1`, { definition: definition() });
    expect(save.statusCode).toBe(409);
    expect(save.json().error.id).toBe('conflict');
    expect((await researcher.post(`${base()}/${id}/versions/1/publish`)).statusCode).toBe(409);
    expect((await researcher.get(`${base()}/${id}/versions/1`)).json()).toEqual(before);
    expect((await researcher.put(`${base()}/${id}/versions/7`, { definition: definition() })).statusCode).toBe(404);
  });

  it('an invalid definition is refused with a message per field, and nothing is stored', async () => {
    const { id } = (await researcher.post(base(), { key: 'ongeldig', title: txt('Ongeldig') })).json();
    const url = `${base()}/${id}/versions/1`;
    const before = (await researcher.get(url)).json();
    const broken = definition();
    broken.sections[0]?.questions.push({ ...(broken.sections[0]?.questions[1] as object), showIf: { question: 'later', equals: 'x' } } as never);

    const refused = await researcher.put(url, { definition: broken });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      id: 'validation_failed',
      issues: expect.arrayContaining([
        { path: 'definition.sections.0.questions.1.key', message: 'Twee vragen hebben dezelfde sleutel ‘toelichting’.' },
        { path: 'definition.sections.0.questions.2.showIf.question', message: 'Vraag ‘later’ bestaat niet.' },
      ]),
    });

    const unknownFramework = {
      ...definition(),
      sections: [{ ...definition().sections[0], questions: [{ ...definition().sections[0]?.questions[0], options: { framework: 'rollen', version: 1 } }] }],
    };
    const english = await signedIn(org, 'admin', 'en');
    const refusedEn = await english.put(url, { definition: unknownFramework });
    expect(refusedEn.json().error.issues).toEqual([
      { path: 'definition.sections.0.questions.0.options.framework', message: 'Framework ‘rollen’ (version 1) does not exist.' },
    ]);
    expect((await researcher.put(url, {})).json().error.issues).toEqual([{ path: 'definition', message: 'Dit veld is verplicht.' }]);

    expect((await researcher.get(url)).json()).toEqual(before);
  });

  it('an unfinished draft is saved but not published', async () => {
    const { id } = (await researcher.post(base(), { key: 'leeg', title: txt('Leeg') })).json();
    const refused = await researcher.post(`${base()}/${id}/versions/1/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toEqual([{ path: 'definition.sections', message: 'Voeg minstens één deel met vragen toe.' }]);
    expect((await researcher.get(`${base()}/${id}/versions/1`)).json().status).toBe('draft');
  });

  it("uses the organisation's own frameworks in its instruments", async () => {
    const admin = await signedIn(org, 'admin');
    const framework = await admin.post(`/api/orgs/${org}/frameworks`, {
      key: 'eigen_thema',
      name: txt('Eigen thema’s', 'Own themes'),
      description: txt('Onze thema’s.', 'Our themes.'),
      codes: [{ key: 'wonen', label: txt('Wonen', 'Housing'), definition: txt('Een thuis vinden.', 'Finding a home.') }],
    });
    expect(framework.statusCode).toBe(200);
    const { id } = (await admin.post(base(), { key: 'thema', title: txt('Thema') })).json();
    const own = {
      ...definition(),
      sections: [
        {
          key: 'deel',
          title: txt('Deel'),
          questions: [{ key: 'thema', type: 'single', text: txt('Thema?'), required: true, options: { framework: 'eigen_thema', version: 1 } }],
        },
      ],
    };
    expect((await admin.put(`${base()}/${id}/versions/1`, { definition: own })).statusCode).toBe(200);
    const published = (await admin.post(`${base()}/${id}/versions/1/publish`)).json();
    expect(published.resolved.sections[0].questions[0].options).toEqual([
      { key: 'wonen', label: txt('Wonen', 'Housing'), exclusive: false, description: txt('Een thuis vinden.', 'Finding a home.') },
    ]);
  });

  it('copies a built-in form, and refuses a key the organisation already uses', async () => {
    const copy = await researcher.post(base(), { copyOf: 'cocreatie-ervaringswerkers', key: 'cocreatie-2027' });
    expect(copy.statusCode).toBe(200);
    const v1 = (await researcher.get(`${base()}/${copy.json().id}/versions/1`)).json();
    expect(v1.definition.key).toBe('cocreatie-2027');
    expect(v1.definition.sections.map((s: { key: string }) => s.key)).toContain('evenwaardige_positie');
    const again = await researcher.post(base(), { copyOf: 'cocreatie-professionals', key: 'cocreatie-2027' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.issues).toEqual([{ path: 'key', message: 'Er is al een vragenlijst met deze sleutel. Kies een andere.' }]);
    expect((await researcher.post(base(), { copyOf: 'bestaat-niet' })).statusCode).toBe(400);
  });

  it('the database allows one draft per instrument, whatever the code does', async () => {
    const { id } = (await researcher.post(base(), { key: 'een-ontwerp', title: txt('Eén ontwerp') })).json();
    const row = await t.ctx.db
      .selectFrom('instrument_versions' as never)
      .selectAll()
      .where('instrument_id' as never, '=', id as never)
      .executeTakeFirstOrThrow();
    const second = { ...(row as Record<string, unknown>), id: crypto.randomUUID(), version: 2 };
    await expect(
      t.ctx.db
        .insertInto('instrument_versions' as never)
        .values(second as never)
        .execute(),
    ).rejects.toThrow();
  });

  it('two people starting to edit at once get the same draft', async () => {
    const { id } = (await researcher.post(base(), { copyOf: 'cocreatie-professionals', key: 'gelijktijdig' })).json();
    await researcher.post(`${base()}/${id}/versions/1/publish`);
    const other = await signedIn(org, 'admin');
    const drafts = await Promise.all([researcher.post(`${base()}/${id}/draft`), other.post(`${base()}/${id}/draft`), researcher.post(`${base()}/${id}/draft`)]);
    expect(drafts.map((d) => d.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(drafts.map((d) => d.json().id)).size).toBe(1);
    expect(drafts[0]?.json().version).toBe(2);
  });

  describe('who may do what', () => {
    it('a coordinator reads but does not change; a member gets 403', async () => {
      const { id } = (await researcher.post(base(), { key: 'rechten', title: txt('Rechten') })).json();
      const coordinator = await signedIn(org, 'coordinator');
      expect((await coordinator.get(base())).statusCode).toBe(200);
      expect((await coordinator.get(`${base()}/${id}/versions/1`)).statusCode).toBe(200);
      expect((await coordinator.put(`${base()}/${id}/versions/1`, { definition: definition() })).statusCode).toBe(403);
      expect((await coordinator.post(`${base()}/${id}/versions/1/publish`)).statusCode).toBe(403);
      const member = await signedIn(org, 'member');
      expect((await member.get(base())).statusCode).toBe(403);
      expect((await member.get(`${base()}/${id}`)).statusCode).toBe(403);
      expect((await member.post(base(), { key: 'nee', title: txt('Nee') })).statusCode).toBe(403);
      expect((await member.get('/api/instruments/builtin')).statusCode).toBe(200);
    });

    it('another organisation gets 404 for everything of this one, also with its own organisation id', async () => {
      const { id } = (await researcher.post(base(), { key: 'geheim', title: txt('Geheim') })).json();
      const otherOrg = await makeOrganisation(t.ctx, 'Andere vzw');
      const outsider = await signedIn(otherOrg, 'admin');
      expect((await outsider.get(base())).statusCode).toBe(404);
      expect((await outsider.get(`${base()}/${id}`)).statusCode).toBe(404);
      expect((await outsider.post(`${base()}/${id}/versions/1/publish`)).statusCode).toBe(404);
      const mixed = `/api/orgs/${otherOrg}/instruments/${id}`;
      expect((await outsider.get(mixed)).statusCode).toBe(404);
      expect((await outsider.get(`${mixed}/versions/1`)).statusCode).toBe(404);
      expect((await outsider.put(`${mixed}/versions/1`, { definition: definition() })).statusCode).toBe(404);
      expect((await outsider.post(`${mixed}/draft`)).statusCode).toBe(404);
      expect((await outsider.post(`${mixed}/versions/1/publish`)).statusCode).toBe(404);
      expect((await researcher.get(`${base()}/${id}/versions/1`)).json().status).toBe('draft');
    });

    it('the built-in forms are for signed-in people only', async () => {
      expect((await new Client(t.app).get('/api/instruments/builtin')).statusCode).toBe(401);
      const builtins = (await researcher.get('/api/instruments/builtin')).json().instruments;
      expect(builtins.map((b: { key: string }) => b.key)).toEqual(['cocreatie-ervaringswerkers', 'cocreatie-professionals']);
      expect(builtins[0].resolved.sections.length).toBeGreaterThan(3);
    });
  });
});
