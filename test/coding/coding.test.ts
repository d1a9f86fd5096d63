import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { addFrameworkCodes, createCode, deleteCode, listCodebook, updateCode } from '../../src/modules/coding/codebook.ts';
import { exportQdpx } from '../../src/modules/coding/export.ts';
import { codeFrequencies } from '../../src/modules/coding/frequencies.ts';
import { createMemo, deleteMemo, listMemos, updateMemo } from '../../src/modules/coding/memos.ts';
import { codeDetail, createSegment, deleteSegment, listSources, storyForCoding } from '../../src/modules/coding/segments.ts';
import type { Role } from '../../src/modules/organisations/model.ts';
import { addReflection } from '../../src/modules/stories/reflections.ts';
import { changeScope, createStory, withdrawStory } from '../../src/modules/stories/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const actorOf = (userId: string, org: string, role: Role): Actor => ({ userId, language: 'nl', roles: new Map([[org, role]]) });
const schema = path.resolve('src/modules/coding/refi-qda/Project.xsd');

function validQde(xml: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-qdpx-'));
  try {
    fs.writeFileSync(path.join(dir, 'project.qde'), xml);
    execFileSync('xmllint', ['--noout', '--schema', schema, path.join(dir, 'project.qde')], { stdio: 'pipe' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDatabase('qualitative coding: codebook, segments, memos, frequencies, export, consent', (dialect) => {
  let t: TestApp;
  let org: string;
  let team: string;
  let researcher: Actor;
  let coordinator: Actor;
  let member: Actor;
  const authors: Actor[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Codeerorganisatie', 'verslavingszorg');
    team = await makeTeam(t.ctx, org);
    const person = async (role: Role, position?: 'experience_worker' | 'practitioner') => {
      const u = await makeUser(t.ctx, { organisationId: org, role, name: `${role} ${authors.length}` });
      if (position) await addToTeam(t.ctx, team, u.id, position);
      return actorOf(u.id, org, role);
    };
    researcher = await person('researcher');
    coordinator = await person('coordinator');
    member = await person('member');
    for (let i = 0; i < 6; i++) authors.push(await person('member', i < 5 ? 'experience_worker' : 'practitioner'));
  });
  afterAll(() => t.close());

  const story = (author: Actor, text: string, scope: 'research' | 'team' | 'organisation' = 'research') =>
    createStory(t.ctx, author, org, { title: `Verhaal van ${author.userId.slice(0, 4)}`, text, teamId: team, scope, pseudonym: 'Kim' });

  it('codes stories and reflections with framework and own codes, shows a code with its segments and memos', async () => {
    const codes = await addFrameworkCodes(t.ctx, researcher, org, 'logics');
    expect(codes.map((c) => c.name)).toContain('Burgerschap en maatschappelijke verandering');
    expect(await addFrameworkCodes(t.ctx, researcher, org, 'logics')).toHaveLength(codes.length);
    const logicsParent = codes.find((c) => c.framework?.key === 'logics' && c.framework.code === null);
    const access = codes.find((c) => c.framework?.code === 'toegankelijke_hulpverlening');
    const waiting = await createCode(t.ctx, researcher, org, {
      name: 'Wachten',
      description: 'Tijd tot hulp',
      colour: '#aa3300',
      parentId: logicsParent?.id ?? null,
    });
    expect(waiting).toMatchObject({ colour: '#aa3300', parentId: logicsParent?.id, segmentCount: 0 });
    await expect(updateCode(t.ctx, researcher, org, logicsParent?.id ?? '', { parentId: waiting.id })).rejects.toMatchObject({
      issues: [{ path: 'parentId' }],
    });

    const text = 'Ik wachtte drie maanden. Niemand belde terug.';
    const s = await story(authors[0] as Actor, text);
    await addReflection(t.ctx, authors[5] as Actor, org, s.id, { text: 'Dat herken ik van de wachtlijst.', researchConsent: true });
    await addReflection(t.ctx, authors[4] as Actor, org, s.id, { text: 'Niet voor onderzoek.', researchConsent: false });
    const forCoding = await storyForCoding(t.ctx, researcher, org, s.id);
    expect(forCoding.sources.map((x) => x.kind)).toEqual(['story', 'reflection']);
    const reflection = forCoding.sources[1];

    const segment = await createSegment(t.ctx, researcher, org, { sourceKind: 'story', storyId: s.id, start: 3, end: 23, codeId: waiting.id });
    expect(segment.quote).toBe('wachtte drie maanden');
    await createSegment(t.ctx, researcher, org, { sourceKind: 'story', storyId: s.id, start: 3, end: 23, codeId: access?.id ?? '' });
    await createSegment(t.ctx, researcher, org, { sourceKind: 'reflection', storyId: s.id, sourceId: reflection?.id, start: 21, end: 31, codeId: waiting.id });
    await expect(createSegment(t.ctx, researcher, org, { sourceKind: 'story', storyId: s.id, start: 3, end: 23, codeId: waiting.id })).rejects.toMatchObject({
      issues: [{ path: 'codeId' }],
    });
    await expect(createSegment(t.ctx, researcher, org, { sourceKind: 'story', storyId: s.id, start: 10, end: 999, codeId: waiting.id })).rejects.toMatchObject({
      issues: [{ path: 'end', message: `Kies een plek tussen 0 en ${text.length}.` }],
    });

    await createMemo(t.ctx, researcher, org, { targetKind: 'code', targetId: waiting.id, title: 'Over wachten', body: 'Komt vaak terug.' });
    await createMemo(t.ctx, researcher, org, { targetKind: 'segment', targetId: segment.id, title: 'Drie maanden', body: 'Concreet.' });
    await createMemo(t.ctx, researcher, org, { targetKind: 'project', targetId: null, title: 'Aanpak', body: 'Open coderen eerst.' });
    await expect(createMemo(t.ctx, researcher, org, { targetKind: 'segment', targetId: waiting.id, title: 'x', body: 'y' })).rejects.toMatchObject({
      id: 'validation_failed',
    });

    const draftMemo = await createMemo(t.ctx, researcher, org, { targetKind: 'project', targetId: null, title: 'Klad', body: 'Eerste idee.' });
    expect(await updateMemo(t.ctx, researcher, org, draftMemo.id, { body: 'Beter idee.' })).toMatchObject({ title: 'Klad', body: 'Beter idee.' });
    await deleteMemo(t.ctx, researcher, org, draftMemo.id);
    expect((await listMemos(t.ctx, researcher, org)).map((m) => m.title)).not.toContain('Klad');

    const detail = await codeDetail(t.ctx, researcher, org, waiting.id);
    expect(detail.segments.map((x) => x.quote)).toEqual(['wachtte drie maanden', 'wachtlijst']);
    expect(detail.memos.map((m) => m.title).sort()).toEqual(['Drie maanden', 'Over wachten']);
    expect((await listCodebook(t.ctx, researcher, org)).find((c) => c.id === waiting.id)?.segmentCount).toBe(2);
    const audit = await auditActions(t.ctx, org);
    for (const action of [
      'coding.framework_added',
      'coding.code_created',
      'coding.segment_created',
      'coding.memo_created',
      'coding.memo_updated',
      'coding.memo_deleted',
    ])
      expect(audit).toContain(action);
  });

  it('exports a .qdpx whose project.qde the REFI-QDA schema accepts, with codes, segments, memos and users', async () => {
    const { bytes, fileName } = await exportQdpx(t.ctx, researcher, org);
    expect(fileName).toMatch(/\.qdpx$/);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['project.qde'] as Uint8Array);
    validQde(xml);
    expect(xml).toContain('<PlainTextSelection');
    expect(xml).toMatch(/<Coding [^>]*>\s*<CodeRef targetGUID=/);
    expect(xml).toContain('name="Wachten"');
    expect(xml).toContain('<PlainTextContent>Open coderen eerst.</PlainTextContent>');
    expect(xml).not.toContain('Niet voor onderzoek.');
    const texts = Object.keys(files).filter((f) => f.startsWith('sources/'));
    expect(texts).toHaveLength(2);
    expect(await auditActions(t.ctx, org)).toContain('coding.exported');
  });

  it('drops a withdrawn or narrowed story’s segments from every view, frequency and export at once', async () => {
    const code = await createCode(t.ctx, researcher, org, { name: 'Stigma', description: '', colour: '#123456', parentId: null });
    const kept = await story(authors[1] as Actor, 'De huisarts keek weg. Ik voelde me een nummer.');
    const withdrawn = await story(authors[2] as Actor, 'Op het werk wist niemand het. Dat gaf rust.');
    const narrowed = await story(authors[3] as Actor, 'In de wachtzaal fluisterden ze. Ik ging weg.');
    for (const s of [kept, withdrawn, narrowed])
      await createSegment(t.ctx, researcher, org, { sourceKind: 'story', storyId: s.id, start: 0, end: 10, codeId: code.id });
    const withdrawnSegment = (await codeDetail(t.ctx, researcher, org, code.id)).segments.find((s) => s.storyId === withdrawn.id);
    await createMemo(t.ctx, researcher, org, { targetKind: 'segment', targetId: withdrawnSegment?.id ?? null, title: 'Memo bij teruggetrokken', body: 'x' });
    expect((await codeDetail(t.ctx, researcher, org, code.id)).segments).toHaveLength(3);

    await withdrawStory(t.ctx, authors[2] as Actor, org, withdrawn.id);
    await changeScope(t.ctx, authors[3] as Actor, org, narrowed.id, { scope: 'team' });

    expect((await codeDetail(t.ctx, researcher, org, code.id)).segments.map((s) => s.storyId)).toEqual([kept.id]);
    expect((await listCodebook(t.ctx, researcher, org)).find((c) => c.id === code.id)?.segmentCount).toBe(1);
    const sourceIds = (await listSources(t.ctx, researcher, org)).map((s) => s.storyId);
    expect(sourceIds).not.toContain(withdrawn.id);
    expect(sourceIds).not.toContain(narrowed.id);
    await expect(storyForCoding(t.ctx, researcher, org, withdrawn.id)).rejects.toMatchObject({ id: 'not_found' });
    await expect(deleteSegment(t.ctx, researcher, org, withdrawnSegment?.id ?? '')).rejects.toMatchObject({ id: 'not_found' });
    expect((await listMemos(t.ctx, researcher, org)).map((m) => m.title)).not.toContain('Memo bij teruggetrokken');
    const row = (await codeFrequencies(t.ctx, researcher, org)).byPosition.rows.find((r) => r.codeId === code.id);
    expect(row?.total.count).toBe(1);
    const xml = strFromU8(unzipSync((await exportQdpx(t.ctx, researcher, org)).bytes)['project.qde'] as Uint8Array);
    expect(xml).not.toContain(withdrawn.id);
    expect(xml).not.toContain(narrowed.id);
    expect(xml).not.toContain('Memo bij teruggetrokken');
    // Giving consent again brings the coding back: nothing was deleted behind the author's back.
    await changeScope(t.ctx, authors[3] as Actor, org, narrowed.id, { scope: 'research' });
    expect((await codeDetail(t.ctx, researcher, org, code.id)).segments).toHaveLength(2);
  });

  it('counts code frequencies by position and sector; coordinators see small cells suppressed', async () => {
    const code = await createCode(t.ctx, researcher, org, { name: 'Herstel', description: '', colour: '#00aa00', parentId: null });
    for (let i = 0; i < 6; i++) {
      const s = await story(authors[i] as Actor, 'Herstel is een weg met vallen en opstaan.');
      await createSegment(t.ctx, researcher, org, { sourceKind: 'story', storyId: s.id, start: 0, end: 7, codeId: code.id });
    }
    const raw = await codeFrequencies(t.ctx, researcher, org);
    const rawRow = raw.byPosition.rows.find((r) => r.codeId === code.id);
    const col = (name: string) => raw.byPosition.columns.indexOf(name);
    expect(rawRow?.cells[col('experience_worker')]?.count).toBe(5);
    // The one practitioner who writes is not shown as such to researchers (fewer than 5 authors
    // hold that position): their story counts under an unknown position.
    expect(rawRow?.cells[col('practitioner')]?.count).toBe(0);
    expect(rawRow?.cells[col('unknown')]?.count).toBe(1);
    expect(raw.bySector.columns).toEqual(['verslavingszorg']);
    expect(raw.disclosure.suppressed).toBe(false);

    const safe = await codeFrequencies(t.ctx, coordinator, org);
    expect(safe.disclosure.suppressed).toBe(true);
    const safeRow = safe.byPosition.rows.find((r) => r.codeId === code.id);
    expect(safeRow?.cells[col('practitioner')]).toEqual({ count: null, suppressed: 'primary' });
    const shownSmall = safe.byPosition.rows.flatMap((r) => r.cells).filter((c) => c.count !== null && c.count > 0 && c.count < safe.disclosure.threshold);
    expect(shownSmall).toEqual([]);
    await expect(codeFrequencies(t.ctx, member, org)).rejects.toMatchObject({ id: 'forbidden' });
    await expect(listCodebook(t.ctx, coordinator, org)).rejects.toMatchObject({ id: 'forbidden' });
  });

  it('keeps everything inside the organisation: another organisation gets 404, over HTTP too', async () => {
    const other = await makeOrganisation(t.ctx);
    const stranger = await makeUser(t.ctx, { organisationId: other, role: 'admin' });
    const strangerActor = actorOf(stranger.id, other, 'admin');
    const code = (await listCodebook(t.ctx, researcher, org))[0];
    await expect(codeDetail(t.ctx, strangerActor, org, code?.id ?? '')).rejects.toMatchObject({ id: 'not_found' });
    await expect(codeDetail(t.ctx, strangerActor, other, code?.id ?? '')).rejects.toMatchObject({ id: 'not_found' });
    await expect(deleteCode(t.ctx, strangerActor, other, code?.id ?? '')).rejects.toMatchObject({ id: 'not_found' });
    const client = new Client(t.app);
    await client.login(stranger.email, TEST_PASSWORD);
    expect((await client.get(`/api/orgs/${org}/coding/export.qdpx`)).statusCode).toBe(404);
    const researcherUser = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    const own = new Client(t.app);
    await own.login(researcherUser.email, TEST_PASSWORD);
    const file = await own.get(`/api/orgs/${org}/coding/export.qdpx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/zip');
    expect(Object.keys(unzipSync(file.rawPayload))).toContain('project.qde');
  });
});
