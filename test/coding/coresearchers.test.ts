import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { createCode, listCodebook } from '../../src/modules/coding/codebook.ts';
import { endCoResearch, inviteCoResearcher, myCoding } from '../../src/modules/coding/coresearch.ts';
import { exportQdpx } from '../../src/modules/coding/export.ts';
import { codeFrequencies } from '../../src/modules/coding/frequencies.ts';
import { createMemo, updateMemo } from '../../src/modules/coding/memos.ts';
import { createSegment, deleteSegment, listSources, storyForCoding } from '../../src/modules/coding/segments.ts';
import type { Role } from '../../src/modules/organisations/model.ts';
import { createStory } from '../../src/modules/stories/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const actorOf = (userId: string, org: string, role: Role): Actor => ({ userId, language: 'nl', roles: new Map([[org, role]]) });

describeEachDatabase('experience workers as co-researchers: invited members code with the researchers', (dialect) => {
  let t: TestApp;
  let org: string;
  let researcher: Actor;
  let coResearcher: Actor;
  let notInvited: Actor;
  let coordinator: Actor;
  let coResearcherEmail: string;
  let notInvitedEmail: string;
  const authors: Actor[] = [];
  const AUTHOR_NAME = 'Auteur Zichtbaar';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Mee coderen', 'ggz');
    const team = await makeTeam(t.ctx, org);
    const r = await makeUser(t.ctx, { organisationId: org, role: 'researcher', name: 'Onderzoeker Ria' });
    researcher = actorOf(r.id, org, 'researcher');
    const c = await makeUser(t.ctx, { organisationId: org, role: 'coordinator' });
    coordinator = actorOf(c.id, org, 'coordinator');
    const ew = await makeUser(t.ctx, { organisationId: org, role: 'member', name: 'Ervaringswerker Eva' });
    await addToTeam(t.ctx, team, ew.id, 'experience_worker');
    coResearcher = actorOf(ew.id, org, 'member');
    coResearcherEmail = ew.email;
    const other = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    await addToTeam(t.ctx, team, other.id, 'experience_worker');
    notInvited = actorOf(other.id, org, 'member');
    notInvitedEmail = other.email;
    for (let i = 0; i < 5; i++) {
      const a = await makeUser(t.ctx, { organisationId: org, role: 'member', name: `${AUTHOR_NAME} ${i}` });
      await addToTeam(t.ctx, team, a.id, 'experience_worker');
      authors.push(actorOf(a.id, org, 'member'));
    }
  });
  afterAll(() => t.close());

  const story = (author: Actor, scope: 'research' | 'team') =>
    createStory(t.ctx, author, org, { title: `Verhaal ${scope}`, text: 'De wachtlijst was lang. Mijn buurvrouw hielp.', scope, pseudonym: 'Merel' });

  it('a member who is not invited cannot code: 403 from the service and over HTTP', async () => {
    await story(authors[0] as Actor, 'research');
    await expect(listSources(t.ctx, notInvited, org)).rejects.toMatchObject({ id: 'forbidden' });
    await expect(listCodebook(t.ctx, notInvited, org)).rejects.toMatchObject({ id: 'forbidden' });
    await expect(codeFrequencies(t.ctx, notInvited, org)).rejects.toMatchObject({ id: 'forbidden' });
    expect(await myCoding(t.ctx, notInvited, org)).toEqual({ canCode: false, coResearcher: false, manages: false });
    const client = new Client(t.app);
    await client.login(notInvitedEmail, TEST_PASSWORD);
    expect((await client.request('GET', `/api/orgs/${org}/coding/sources`)).statusCode).toBe(403);
    expect((await client.request('PUT', `/api/orgs/${org}/coding/coresearchers/${notInvited.userId}`)).statusCode).toBe(403);
  });

  it('only members are invited, by a researcher or admin; the invitation is audited', async () => {
    await expect(inviteCoResearcher(t.ctx, researcher, org, coordinator.userId)).rejects.toMatchObject({
      id: 'validation_failed',
      issues: [{ path: 'userId' }],
    });
    await expect(inviteCoResearcher(t.ctx, researcher, org, crypto.randomUUID())).rejects.toMatchObject({ id: 'not_found' });
    await expect(inviteCoResearcher(t.ctx, coordinator, org, coResearcher.userId)).rejects.toMatchObject({ id: 'forbidden' });
    const client = new Client(t.app);
    const r = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    await client.login(r.email, TEST_PASSWORD);
    expect((await client.request('PUT', `/api/orgs/${org}/coding/coresearchers/${coResearcher.userId}`)).statusCode).toBe(200);
    const list = await client.request('GET', `/api/orgs/${org}/coding/coresearchers`);
    expect(list.json().coResearchers).toEqual([
      expect.objectContaining({ userId: coResearcher.userId, displayName: 'Ervaringswerker Eva', position: 'experience_worker', active: true, endedAt: null }),
    ]);
    expect(list.json().candidates.map((c: { userId: string }) => c.userId)).not.toContain(coResearcher.userId);
    expect(await auditActions(t.ctx, org)).toContain('coding.coresearcher_invited');
    expect(await myCoding(t.ctx, coResearcher, org)).toEqual({ canCode: true, coResearcher: true, manages: false });
  });

  it('the co-researcher reads only what was shared for research, without names, and codes it; the researcher sees their codes by position', async () => {
    const shared = await story(authors[1] as Actor, 'research');
    const teamOnly = await story(authors[2] as Actor, 'team');
    const code = await createCode(t.ctx, researcher, org, { name: 'Wachten', description: '', colour: '#aa3300', parentId: null });
    const sources = await listSources(t.ctx, coResearcher, org);
    expect(sources.map((s) => s.id)).toContain(shared.id);
    expect(sources.map((s) => s.id)).not.toContain(teamOnly.id);
    const forCoding = await storyForCoding(t.ctx, coResearcher, org, shared.id);
    expect(JSON.stringify(forCoding)).not.toContain(AUTHOR_NAME);
    // Exactly what a researcher is shown: the same anonymisation of the author.
    expect(forCoding).toEqual(await storyForCoding(t.ctx, researcher, org, shared.id));
    await expect(storyForCoding(t.ctx, coResearcher, org, teamOnly.id)).rejects.toMatchObject({ id: 'not_found' });

    const mine = await createSegment(t.ctx, coResearcher, org, { sourceKind: 'story', storyId: shared.id, start: 3, end: 13, codeId: code.id });
    expect(mine).toMatchObject({ quote: 'wachtlijst', createdBy: { id: coResearcher.userId, displayName: 'Ervaringswerker Eva' } });
    const theirs = await createSegment(t.ctx, researcher, org, { sourceKind: 'story', storyId: shared.id, start: 24, end: 38, codeId: code.id });
    // Using the codebook, not managing it; and no export of the whole material.
    await expect(createCode(t.ctx, coResearcher, org, { name: 'Eigen', description: '', colour: '#000000', parentId: null })).rejects.toMatchObject({
      id: 'forbidden',
    });
    await expect(exportQdpx(t.ctx, coResearcher, org)).rejects.toMatchObject({ id: 'forbidden' });
    await expect(deleteSegment(t.ctx, coResearcher, org, theirs.id)).rejects.toMatchObject({ id: 'forbidden' });
    const memo = await createMemo(t.ctx, researcher, org, { targetKind: 'code', targetId: code.id, title: 'Van Ria', body: 'Tekst' });
    await expect(updateMemo(t.ctx, coResearcher, org, memo.id, { body: 'Anders' })).rejects.toMatchObject({ id: 'forbidden' });
    await createMemo(t.ctx, coResearcher, org, { targetKind: 'segment', targetId: mine.id, title: 'Waarom', body: 'Herkenbaar.' });

    const raw = await codeFrequencies(t.ctx, researcher, org);
    expect(raw.byCoder.columns).toEqual(['researcher', 'practitioner', 'coordinator', 'policy_officer', 'experience_worker', 'unknown']);
    const row = raw.byCoder.rows.find((r) => r.codeId === code.id);
    expect(row?.cells.map((c) => c.count)).toEqual([1, 0, 0, 0, 1, 0]);
    expect(raw.disclosure.suppressed).toBe(false);

    // The co-researcher sees the same tables with small cells suppressed, like everyone without raw rights.
    const safe = await codeFrequencies(t.ctx, coResearcher, org);
    expect(safe.disclosure.suppressed).toBe(true);
    expect(safe.byCoder.rows.find((r) => r.codeId === code.id)?.cells[4]?.count).toBeNull();
    const shownSmall = safe.byCoder.rows.flatMap((r) => r.cells).filter((c) => c.count !== null && c.count > 0 && c.count < 5);
    expect(shownSmall).toEqual([]);
  });

  it('the co-researcher stops; their codes stay under their position, and they can no longer code', async () => {
    await endCoResearch(t.ctx, coResearcher, org, coResearcher.userId);
    await expect(listSources(t.ctx, coResearcher, org)).rejects.toMatchObject({ id: 'forbidden' });
    await expect(endCoResearch(t.ctx, coResearcher, org, coResearcher.userId)).rejects.toMatchObject({ id: 'not_found' });
    const raw = await codeFrequencies(t.ctx, researcher, org);
    const row = raw.byCoder.rows.find((r) => r.name === 'Wachten');
    expect(row?.cells.map((c) => c.count)).toEqual([1, 0, 0, 0, 1, 0]);
    expect(await auditActions(t.ctx, org)).toContain('coding.coresearcher_ended');
    const client = new Client(t.app);
    await client.login(coResearcherEmail, TEST_PASSWORD);
    expect((await client.request('GET', `/api/orgs/${org}/coding/sources`)).statusCode).toBe(403);
  });
});
