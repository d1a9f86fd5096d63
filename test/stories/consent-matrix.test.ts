import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../src/modules/organisations/model.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { sendBytes } from './http.ts';
import { makeJpeg } from './images.ts';

/**
 * Tries to reach one story through every path (list, search, research list, detail, research
 * detail, photo, reflections, a link from another story, the photovoice project, the public
 * exhibition page and its photo) as every kind of reader, in every consent state the author can
 * put it in, including after narrowing and after withdrawal.
 */

type Reader = 'author' | 'teammate' | 'teamCoordinator' | 'otherTeam' | 'admin' | 'researcher' | 'outsider' | 'anonymous';
const readers: Reader[] = ['author', 'teammate', 'teamCoordinator', 'otherTeam', 'admin', 'researcher', 'outsider', 'anonymous'];
const members: Reader[] = ['author', 'teammate', 'teamCoordinator', 'otherTeam', 'admin', 'researcher'];

type State = { name: string; scope?: string; withdraw?: boolean; view: Reader[]; research: boolean; exhibition: boolean };
/** What the author chose, and who may then see the story: written out, not computed. */
const states: State[] = [
  { name: 'only me', scope: 'private', view: ['author'], research: false, exhibition: false },
  { name: 'my team', scope: 'team', view: ['author', 'teammate', 'teamCoordinator'], research: false, exhibition: false },
  { name: 'my organisation', scope: 'organisation', view: members, research: false, exhibition: false },
  { name: 'research', scope: 'research', view: members, research: true, exhibition: false },
  { name: 'public', scope: 'public', view: members, research: true, exhibition: true },
  { name: 'narrowed from public to my team', scope: 'team', view: ['author', 'teammate', 'teamCoordinator'], research: false, exhibition: false },
  { name: 'public again', scope: 'public', view: members, research: true, exhibition: true },
  { name: 'withdrawn', withdraw: true, view: ['author'], research: false, exhibition: false },
];

const checklist = { polarisation: true, later_life: true, individualising: true, peer_contact: true };

describeEachDatabase('consent matrix: every path, every reader, every consent state', (dialect) => {
  let t: TestApp;
  let org: string;
  const clients = new Map<Reader, Client>();
  let story: string;
  let anchor: string;
  let project: string;
  let exhibitionUrl: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { logLevel: 'debug' });
    org = await makeOrganisation(t.ctx);
    const other = await makeOrganisation(t.ctx);
    const teamA = await makeTeam(t.ctx, org);
    const teamB = await makeTeam(t.ctx, org);
    const people: [Reader, Role, string | null, string][] = [
      ['author', 'member', teamA, 'experience_worker'],
      ['teammate', 'member', teamA, 'practitioner'],
      ['teamCoordinator', 'coordinator', teamA, 'coordinator'],
      ['otherTeam', 'member', teamB, 'policy_officer'],
      ['admin', 'admin', null, ''],
      ['researcher', 'researcher', null, ''],
    ];
    for (const [reader, role, team, position] of people) {
      const user = await makeUser(t.ctx, { organisationId: org, role });
      if (team) await addToTeam(t.ctx, team, user.id, position as 'practitioner');
      const client = new Client(t.app);
      await client.login(user.email, TEST_PASSWORD);
      clients.set(reader, client);
    }
    const outsider = await makeUser(t.ctx, { organisationId: other, role: 'admin' });
    const outsiderClient = new Client(t.app);
    await outsiderClient.login(outsider.email, TEST_PASSWORD);
    clients.set('outsider', outsiderClient);
    clients.set('anonymous', new Client(t.app));

    const author = clients.get('author') as Client;
    const created = await author.post(`/api/orgs/${org}/stories`, {
      title: 'Zeepbel',
      text: 'Het woord kwartelkoning staat alleen in dit verhaal.',
      caption: 'Een lege wachtzaal',
      pseudonym: 'Merel',
      scope: 'organisation',
    });
    story = created.json<{ id: string }>().id;
    expect((await sendBytes(t.app, author, `/api/orgs/${org}/stories/${story}/photo`, await makeJpeg(320, 240))).statusCode).toBe(200);
    expect((await author.patch(`/api/orgs/${org}/stories/${story}`, { photoPeople: 'nobody_recognisable', photoAlt: 'Lege stoelen' })).statusCode).toBe(200);
    const teammate = clients.get('teammate') as Client;
    anchor = (await teammate.post(`/api/orgs/${org}/stories`, { title: 'Anker', scope: 'organisation' })).json<{ id: string }>().id;
    expect((await author.put(`/api/orgs/${org}/stories/${story}/links/${anchor}`, {})).statusCode).toBe(200);
    expect((await teammate.post(`/api/orgs/${org}/stories/${story}/reflections`, { text: 'Herkenbaar', researchConsent: true })).statusCode).toBe(200);
    const admin = clients.get('admin') as Client;
    project = (await admin.post(`/api/orgs/${org}/photovoice`, { title: 'Wat helpt?', theme: 'Plekken' })).json<{ id: string }>().id;
    expect((await author.post(`/api/orgs/${org}/photovoice/${project}/entries`, { storyId: story })).statusCode).toBe(200);
    expect((await admin.patch(`/api/orgs/${org}/photovoice/${project}/entries/${story}`, { selected: true, groupCaption: 'Wachten' })).statusCode).toBe(200);
    const published = await admin.post(`/api/orgs/${org}/photovoice/${project}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    exhibitionUrl = published.json<{ exhibitionPath: string }>().exhibitionPath;
  });
  afterAll(() => t.close());

  /** Every path, as one reader: true where the story (or its photo) came back. */
  async function reach(reader: Reader) {
    const c = clients.get(reader) as Client;
    const ids = async (url: string) => {
      const response = await c.get(url);
      return response.statusCode === 200 ? response.json<{ stories: { id: string }[] }>().stories.map((s) => s.id) : [];
    };
    const ok = async (url: string) => (await c.get(url)).statusCode === 200;
    const anchorView = await c.get(`/api/orgs/${org}/stories/${anchor}`);
    const projectView = await c.get(`/api/orgs/${org}/photovoice/${project}`);
    return {
      list: (await ids(`/api/orgs/${org}/stories`)).includes(story),
      search: (await ids(`/api/orgs/${org}/stories?q=kwartelkoning`)).includes(story),
      researchList: (await ids(`/api/orgs/${org}/stories?purpose=research`)).includes(story),
      detail: await ok(`/api/orgs/${org}/stories/${story}`),
      researchDetail: await ok(`/api/orgs/${org}/stories/${story}?purpose=research`),
      photo: await ok(`/api/orgs/${org}/stories/${story}/photo`),
      reflections: await ok(`/api/orgs/${org}/stories/${story}/reflections`),
      link: anchorView.statusCode === 200 && anchorView.json<{ linkedStoryIds: string[] }>().linkedStoryIds.includes(story),
      project: projectView.statusCode === 200 && projectView.json<{ entries: { story: { id: string } }[] }>().entries.some((e) => e.story.id === story),
    };
  }

  it('each reader reaches the story exactly as far as the consent allows, in every state', async () => {
    const author = clients.get('author') as Client;
    const anonymous = clients.get('anonymous') as Client;
    for (const state of states) {
      const change = state.withdraw
        ? await author.post(`/api/orgs/${org}/stories/${story}/withdraw`)
        : await author.put(`/api/orgs/${org}/stories/${story}/scope`, {
            scope: state.scope,
            ...(state.scope === 'public' ? { mediaChecklist: checklist } : {}),
          });
      expect(change.statusCode, `${state.name}: ${change.body}`).toBe(200);
      for (const reader of readers) {
        const seesInApp = state.view.includes(reader);
        const researches = state.research && (reader === 'admin' || reader === 'researcher');
        expect(await reach(reader), `${reader} — ${state.name}`).toEqual({
          list: seesInApp,
          search: seesInApp,
          researchList: researches,
          detail: seesInApp,
          researchDetail: researches,
          photo: seesInApp,
          reflections: seesInApp,
          link: seesInApp && members.includes(reader),
          project: seesInApp,
        });
      }
      const page = await anonymous.get(exhibitionUrl);
      expect(page.statusCode).toBe(200);
      expect(page.body.includes('Zeepbel'), `exhibition — ${state.name}`).toBe(state.exhibition);
      expect((await anonymous.get(`${exhibitionUrl}/foto/${story}`)).statusCode, `exhibition photo — ${state.name}`).toBe(state.exhibition ? 200 : 404);
    }
  });

  it('research readers never learn who wrote it; the exhibition shows only the pseudonym', async () => {
    const author = clients.get('author') as Client;
    await author.put(`/api/orgs/${org}/stories/${story}/scope`, { scope: 'public', mediaChecklist: checklist });
    const researcher = clients.get('researcher') as Client;
    const forResearch = (await researcher.get(`/api/orgs/${org}/stories/${story}?purpose=research`)).json();
    // Two people write in this organisation, fewer than the threshold of 5: the researcher gets
    // neither team, position nor the pseudonym that would link the author's stories.
    expect(forResearch).toMatchObject({ author: null, pseudonym: null, teamId: null, teamName: null, authorPosition: null, isOwn: false });
    const reflections = (await researcher.get(`/api/orgs/${org}/stories/${story}/reflections?purpose=research`)).json();
    // The one practitioner of the team reflected: their position is withheld as well.
    expect(reflections.reflections).toEqual([expect.objectContaining({ author: null, text: 'Herkenbaar', position: null })]);
    const page = (await clients.get('anonymous')?.get(exhibitionUrl))?.body ?? '';
    expect(page).toContain('Merel');
    expect(page).not.toMatch(/User [0-9a-f]{4}/);
  });

  it('withdrawal and every scope change are audited with the old and new scope', async () => {
    const rows = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', story)
      .where('action', 'in', ['story.scope_changed', 'story.withdrawn'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toContain('story.withdrawn');
    const narrowing = rows.map((r) => JSON.parse(r.details)).find((d) => d.from === 'public' && d.to === 'team');
    expect(narrowing).toMatchObject({ narrowing: true });
  });

  it('a search for a word in a story does not end up in the logs', async () => {
    await (clients.get('author') as Client).get(`/api/orgs/${org}/stories?q=kwartelkoning`);
    expect(t.logs.join('\n')).toContain(`/api/orgs/${org}/stories`);
    expect(t.logs.join('\n')).not.toContain('kwartelkoning');
  });
});
