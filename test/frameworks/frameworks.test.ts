import { afterAll, beforeAll, expect, it } from 'vitest';
import { getBuiltinFramework } from '../../src/modules/frameworks/builtin.shared.ts';
import type { FrameworkView } from '../../src/modules/frameworks/model.ts';
import { resolveFramework } from '../../src/modules/frameworks/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const code = (key: string, nl: string, en: string) => ({ key, label: { nl, en }, definition: { nl: `${nl}: uitleg.`, en: `${en}: explanation.` } });

const kompasInput = {
  key: 'kompas_waarden',
  name: { nl: 'Onze waarden', en: 'Our values' },
  description: { nl: 'Waar Kompas voor staat.', en: 'What Kompas stands for.' },
  codes: [code('gastvrijheid', 'Gastvrijheid', 'Hospitality')],
};

describeEachDatabase('frameworks: built-in and organisation code lists', (dialect) => {
  let t: TestApp;
  let org: string;
  let admin: Client;
  let researcher: Client;

  const signIn = async (organisationId: string, role: 'admin' | 'researcher' | 'coordinator' | 'member', language: 'nl' | 'en' = 'nl') => {
    const user = await makeUser(t.ctx, { organisationId, role, language });
    const client = new Client(t.app, language);
    await client.login(user.email, TEST_PASSWORD);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Kompas vzw');
    admin = await signIn(org, 'admin');
    researcher = await signIn(org, 'researcher');
  });
  afterAll(() => t.close());

  it('anyone, signed in or not, reads the built-in frameworks', async () => {
    const response = await new Client(t.app).get('/api/frameworks');
    expect(response.statusCode).toBe(200);
    const frameworks: FrameworkView[] = response.json().frameworks;
    const roles = frameworks.find((f) => f.key === 'roles');
    expect(roles).toMatchObject({ version: 1, scope: 'builtin', extendsKey: null });
    expect(roles?.codes.map((c) => c.label.nl)).toContain('Beleidsbeïnvloeding');
    expect(frameworks.map((f) => f.key)).toEqual(expect.arrayContaining(['themes', 'knowledge_positions', 'central_discussions']));
  });

  it('saving an organisation framework twice gives versions 1 and 2; version 1 stays as it was', async () => {
    const first = await researcher.post(`/api/orgs/${org}/frameworks`, kompasInput);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ key: 'kompas_waarden', version: 1, scope: org, extendsKey: null });

    const changed = { ...kompasInput, codes: [...kompasInput.codes, code('eerlijkheid', 'Eerlijkheid', 'Honesty')] };
    const second = await admin.post(`/api/orgs/${org}/frameworks`, changed);
    expect(second.json()).toMatchObject({ version: 2 });

    const v1 = (await admin.get(`/api/orgs/${org}/frameworks/kompas_waarden/versions/1`)).json();
    expect(v1.codes.map((c: { key: string }) => c.key)).toEqual(['gastvrijheid']);
    const v2 = (await admin.get(`/api/orgs/${org}/frameworks/kompas_waarden/versions/2`)).json();
    expect(v2.codes.map((c: { key: string }) => c.key)).toEqual(['gastvrijheid', 'eerlijkheid']);
    expect((await admin.get(`/api/orgs/${org}/frameworks/kompas_waarden/versions/3`)).statusCode).toBe(404);

    // Saving the same words again is not a change: no version 3.
    expect((await admin.post(`/api/orgs/${org}/frameworks`, changed)).json()).toMatchObject({ version: 2 });

    const member = await signIn(org, 'member');
    const list: FrameworkView[] = (await member.get(`/api/orgs/${org}/frameworks`)).json().frameworks;
    expect(list.filter((f) => f.key === 'kompas_waarden').map((f) => f.version)).toEqual([2]);
    expect(list.find((f) => f.key === 'roles')?.scope).toBe('builtin');

    // Other modules resolve the exact version something was recorded with.
    expect((await resolveFramework(t.ctx, org, 'kompas_waarden', 1))?.codes).toHaveLength(1);
    expect(await resolveFramework(t.ctx, org, 'kompas_waarden', 9)).toBeUndefined();
    expect(await resolveFramework(t.ctx, null, 'kompas_waarden', 1)).toBeUndefined();
    expect(await resolveFramework(t.ctx, org, 'roles', 1)).toEqual(getBuiltinFramework('roles', 1));
  });

  it('extending the built-in themes keeps its codes and adds the own one', async () => {
    const response = await admin.post(`/api/orgs/${org}/frameworks`, {
      key: 'themes',
      name: { nl: "Thema's bij Kompas", en: 'Themes at Kompas' },
      description: { nl: "De ingebouwde thema's en die van ons.", en: 'The built-in themes and ours.' },
      codes: [code('eenzaamheid', 'Eenzaamheid', 'Loneliness')],
      extendsBuiltin: true,
    });
    expect(response.statusCode).toBe(200);
    const extended: FrameworkView = response.json();
    expect(extended).toMatchObject({ key: 'themes', version: 1, scope: org, extendsKey: 'themes' });
    const builtinKeys = getBuiltinFramework('themes')?.codes.map((c) => c.key) ?? [];
    expect(extended.codes.map((c) => c.key)).toEqual([...builtinKeys, 'eenzaamheid']);

    // The built-in framework itself is untouched, and still there for everyone.
    const builtin = (await new Client(t.app).get('/api/frameworks')).json().frameworks.find((f: FrameworkView) => f.key === 'themes');
    expect(builtin.codes.map((c: { key: string }) => c.key)).toEqual(builtinKeys);
    expect(await resolveFramework(t.ctx, null, 'themes', 1)).toEqual(getBuiltinFramework('themes', 1));
  });

  it('refuses a built-in key without extending it, and own codes that reuse built-in ones, in plain Dutch', async () => {
    const taken = await admin.post(`/api/orgs/${org}/frameworks`, { ...kompasInput, key: 'roles' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.message).toBe('Niet alle gegevens zijn goed ingevuld. Kijk de velden na en probeer opnieuw.');
    expect(taken.json().error.issues).toEqual([{ path: 'key', message: expect.stringContaining("'roles' is de naam van een ingebouwd kader") }]);

    const reused = await admin.post(`/api/orgs/${org}/frameworks`, {
      ...kompasInput,
      key: 'roles',
      codes: [code('brugfiguur', 'Brug', 'Bridge')],
      extendsBuiltin: true,
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.issues).toEqual([{ path: 'codes.0.key', message: expect.stringContaining('zit al in het ingebouwde kader') }]);

    const english = await signIn(org, 'admin', 'en');
    const inEnglish = await english.post(`/api/orgs/${org}/frameworks`, { ...kompasInput, key: 'roles' });
    expect(inEnglish.json().error.issues[0].message).toMatch(/is the name of a built-in framework/);

    const badKey = await admin.post(`/api/orgs/${org}/frameworks`, { ...kompasInput, key: 'Met Spaties' });
    expect(badKey.statusCode).toBe(400);
  });

  it('another organisation sees nothing of it, and a member cannot save', async () => {
    const otherOrg = await makeOrganisation(t.ctx, 'Andere vzw');
    const outsider = await signIn(otherOrg, 'admin');
    expect((await outsider.get(`/api/orgs/${org}/frameworks/kompas_waarden/versions/1`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/orgs/${org}/frameworks`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/orgs/${otherOrg}/frameworks/kompas_waarden/versions/1`)).statusCode).toBe(404);
    const theirs: FrameworkView[] = (await outsider.get(`/api/orgs/${otherOrg}/frameworks`)).json().frameworks;
    expect(theirs.every((f) => f.scope === 'builtin')).toBe(true);
    // Their themes are the built-in ones, not org A's extension.
    expect((await outsider.get(`/api/orgs/${otherOrg}/frameworks/themes/versions/1`)).json()).toMatchObject({ scope: 'builtin' });
    expect((await outsider.post(`/api/orgs/${org}/frameworks`, kompasInput)).statusCode).toBe(404);

    const member = await signIn(org, 'member');
    expect((await member.post(`/api/orgs/${org}/frameworks`, { ...kompasInput, key: 'van_een_lid' })).statusCode).toBe(403);
    const coordinator = await signIn(org, 'coordinator');
    expect((await coordinator.post(`/api/orgs/${org}/frameworks`, { ...kompasInput, key: 'van_een_lid' })).statusCode).toBe(403);
    expect((await member.get(`/api/orgs/${org}/frameworks/van_een_lid/versions/1`)).statusCode).toBe(404);
  });

  it('every saved version is in the audit trail, with who saved it', async () => {
    const actions = await auditActions(t.ctx, org);
    // kompas_waarden v1 and v2, themes v1; the unchanged save and the refused ones wrote nothing.
    expect(actions.filter((a) => a === 'framework.saved')).toHaveLength(3);
    const events = (await admin.get(`/api/orgs/${org}/audit?limit=10`)).json().events;
    const themes = events.find((e: { action: string; details: { key: string } }) => e.action === 'framework.saved' && e.details.key === 'themes');
    expect(themes).toMatchObject({ subjectType: 'framework', details: { key: 'themes', version: 1, extendsKey: 'themes' } });
    expect(themes.actor).not.toBeNull();
  });

  it('people saving at once each get their own version, never the same one twice', async () => {
    const savers = [admin, researcher, await signIn(org, 'admin'), await signIn(org, 'researcher')];
    const responses = await Promise.all(
      savers.map((client, i) =>
        client.post(`/api/orgs/${org}/frameworks`, { ...kompasInput, key: 'gelijktijdig', codes: [code(`code_${i}`, 'Code', 'Code')] }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(responses.map((r) => r.json().version).sort()).toEqual([1, 2, 3, 4]);
  });
});
