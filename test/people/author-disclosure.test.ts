import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { exportQdpx } from '../../src/modules/coding/export.ts';
import { listSources, storyForCoding } from '../../src/modules/coding/segments.ts';
import type { Position, Role } from '../../src/modules/organisations/model.ts';
import { asReader, readableReflections } from '../../src/modules/stories/access.ts';
import { addReflection } from '../../src/modules/stories/reflections.ts';
import { createStory } from '../../src/modules/stories/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { actorOf } from '../stories/helpers.ts';

type Story = { id: string; title: string; teamId: string | null; teamName: string | null; authorPosition: string | null; pseudonym: string | null };

describeEachDatabase('researchers cannot single out an author by team and position', (dialect) => {
  let t: TestApp;
  let org: string;
  let herstel: string;
  let researcher: Actor;
  let admin: Actor;
  let researcherClient: Client;
  let ewStory: string;
  let noordStory: string;

  const person = async (role: Role, name: string, team?: string, position?: Position) => {
    const user = await makeUser(t.ctx, { organisationId: org, role, name });
    if (team && position) await addToTeam(t.ctx, team, user.id, position);
    return { actor: actorOf(user.id, { [org]: role }), email: user.email };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Zorg Zuid');
    herstel = await makeTeam(t.ctx, org, 'Team Herstel');
    const noord = await makeTeam(t.ctx, org, 'Team Noord');
    // Team Herstel has one experience worker; Team Noord five practitioners who write.
    const ew = await person('member', 'Zoë Ervaring', herstel, 'experience_worker');
    for (const title of ['Het eerste gesprek', 'Terug aan het werk'])
      ewStory = (await createStory(t.ctx, ew.actor, org, { title, text: `${title}: zo ging het.`, scope: 'research', pseudonym: 'Zwaluw' })).id;
    for (let i = 1; i <= 5; i++) {
      const p = await person('member', `Praktijk ${i}`, noord, 'practitioner');
      const s = await createStory(t.ctx, p.actor, org, { title: `Noord ${i}`, text: 'Een dag in het team.', scope: 'research', pseudonym: `Noord${i}` });
      if (i === 1) noordStory = s.id;
    }
    // The one coordinator of Team Noord reflects on a story of the team, for research.
    const coordinator = await person('member', 'Coby Coördinator', noord, 'coordinator');
    await addReflection(t.ctx, coordinator.actor, org, noordStory, { text: 'Herkenbaar voor ons team.', researchConsent: true });
    const r = await person('researcher', 'Rita Onderzoek');
    researcher = r.actor;
    admin = (await person('admin', 'Ad Beheer')).actor;
    researcherClient = new Client(t.app);
    await researcherClient.login(r.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const listed = async (purpose: 'view' | 'research') => {
    const response = await researcherClient.get(`/api/orgs/${org}/stories?purpose=${purpose}`);
    expect(response.statusCode).toBe(200);
    return { body: response.body, stories: response.json<{ stories: Story[] }>().stories };
  };

  it('shows a team and position shared by five authors, and generalises the lone experience worker, in lists and one by one', async () => {
    for (const purpose of ['view', 'research'] as const) {
      const { body, stories } = await listed(purpose);
      expect(body).not.toContain('Team Herstel');
      expect(body).not.toContain(herstel);
      expect(body).not.toContain('experience_worker');
      const ew = stories.filter((s) => s.title === 'Het eerste gesprek' || s.title === 'Terug aan het werk');
      // Six authors in the organisation, each pseudonym under one way of showing: the pseudonym may link.
      expect(ew.map(({ teamId, teamName, authorPosition, pseudonym }) => ({ teamId, teamName, authorPosition, pseudonym }))).toEqual([
        { teamId: null, teamName: null, authorPosition: null, pseudonym: 'Zwaluw' },
        { teamId: null, teamName: null, authorPosition: null, pseudonym: 'Zwaluw' },
      ]);
      expect(stories.find((s) => s.title === 'Noord 3')).toMatchObject({ teamName: 'Team Noord', authorPosition: 'practitioner', pseudonym: 'Noord3' });
    }
    const one = await researcherClient.get(`/api/orgs/${org}/stories/${ewStory}?purpose=research`);
    expect(one.json()).toMatchObject({ teamName: null, authorPosition: null, author: null });
    expect(one.body).not.toContain('Herstel');
  });

  it("does not name the team's one coordinator through the position of a reflection on the team's story", async () => {
    const forResearcher = await readableReflections(asReader(t.ctx, researcher), org, noordStory, 'research');
    expect(forResearcher.map((r) => ({ author: r.author, position: r.position }))).toEqual([{ author: null, position: null }]);
    const response = await researcherClient.get(`/api/orgs/${org}/stories/${noordStory}/reflections?purpose=research`);
    expect(response.body).not.toContain('coordinator');
    // An admin reading in the app sees names, and so the position.
    expect((await readableReflections(asReader(t.ctx, admin), org, noordStory, 'view')).map((r) => r.position)).toEqual(['coordinator']);
  });

  it('generalises in coding and in the .qdpx export the same way, for admins reading for research too', async () => {
    for (const actor of [researcher, admin]) {
      const sources = await listSources(t.ctx, actor, org);
      expect(sources.filter((s) => s.kind === 'story' && s.title.startsWith('Noord')).map((s) => s.position)).toEqual(Array(5).fill('practitioner'));
      expect(sources.filter((s) => !s.title.startsWith('Noord')).map((s) => s.position)).toEqual([null, null]);
      expect((await storyForCoding(t.ctx, actor, org, ewStory)).sources[0]?.position).toBeNull();
      expect(sources.filter((s) => s.kind === 'reflection').map((s) => s.position)).toEqual([null]);
      const qde = strFromU8(unzipSync((await exportQdpx(t.ctx, actor, org)).bytes)['project.qde'] as Uint8Array);
      expect(qde).toContain('praktijkwerker');
      expect(qde).not.toContain('ervaringswerker');
      expect(qde).not.toContain('coördinator');
      expect(qde).not.toContain('Herstel');
    }
  });

  it("follows the organisation's threshold: at 6, five practitioners of Team Noord are no longer shown as such", async () => {
    await t.ctx.db.updateTable('organisations').set({ disclosure_threshold: 6 }).where('id', '=', org).execute();
    try {
      const { body, stories } = await listed('research');
      expect(body).not.toContain('Team Noord');
      expect(stories.find((s) => s.title === 'Noord 3')).toMatchObject({ teamName: null, authorPosition: null, pseudonym: 'Noord3' });
    } finally {
      await t.ctx.db.updateTable('organisations').set({ disclosure_threshold: 5 }).where('id', '=', org).execute();
    }
  });
});
