import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { newId } from '../../src/core/ids.ts';
import { createAnswerSegment, deleteAnswerSegment, listAnswersForCoding } from '../../src/modules/coding/answers.ts';
import { createCode } from '../../src/modules/coding/codebook.ts';
import { inviteCoResearcher } from '../../src/modules/coding/coresearch.ts';
import { exportQdpx } from '../../src/modules/coding/export.ts';
import { codeFrequencies } from '../../src/modules/coding/frequencies.ts';
import { createMemo, listMemos } from '../../src/modules/coding/memos.ts';
import type { Role } from '../../src/modules/organisations/model.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeUser } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';

const actorOf = (userId: string, org: string, role: Role): Actor => ({ userId, language: 'nl', roles: new Map([[org, role]]) });
const schema = path.resolve('src/modules/coding/refi-qda/Project.xsd');
const ANSWER = 'Meer tijd voor een gesprek. En een vaste contactpersoon.';
const WITHHELD = 'Dit antwoord bleef buiten het onderzoek.';

function validQde(xml: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-qdpx-'));
  try {
    fs.writeFileSync(path.join(dir, 'project.qde'), xml);
    execFileSync('xmllint', ['--noout', '--schema', schema, path.join(dir, 'project.qde')], { stdio: 'pipe' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDatabase('survey open answers coded in the same codebook as the stories', (dialect) => {
  let t: TestApp;
  let org: string;
  let researcher: Actor;
  let coordinator: Actor;
  let coResearcher: Actor;
  let response: string;
  let draft: string;
  let closedResponse: string;

  /** A complete (or draft) response with one open answer to 'toelichting', in a round that does or does not send open answers to researchers. */
  async function respond(roundId: string, text: string, status: 'complete' | 'draft'): Promise<string> {
    const version = (await t.ctx.db.selectFrom('rounds').select(['instrument_version_id']).where('id', '=', roundId).executeTakeFirstOrThrow())
      .instrument_version_id;
    const link = (await t.ctx.db.selectFrom('round_links').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow()).id;
    const id = newId();
    await t.ctx.db
      .insertInto('responses')
      .values({
        id,
        round_id: roundId,
        link_id: link,
        team_id: null,
        instrument_version_id: version,
        language: 'nl',
        consent_version: 'v',
        status,
        started_on: '2026-11-30',
        submitted_on: status === 'complete' ? '2026-11-30' : null,
        resume_code_hash: null,
      })
      .execute();
    await t.ctx.db
      .insertInto('answers')
      .values([
        { response_id: id, question: 'toelichting', item: null, option: null, number_value: null, text_value: text },
        { response_id: id, question: 'sector', item: null, option: 'ggz', number_value: null, text_value: null },
      ])
      .execute();
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Bevraagd', 'jeugdhulp');
    const r = await makeUser(t.ctx, { organisationId: org, role: 'researcher', name: 'Onderzoeker' });
    researcher = actorOf(r.id, org, 'researcher');
    coordinator = actorOf((await makeUser(t.ctx, { organisationId: org, role: 'coordinator' })).id, org, 'coordinator');
    coResearcher = actorOf((await makeUser(t.ctx, { organisationId: org, role: 'member' })).id, org, 'member');
    await inviteCoResearcher(t.ctx, researcher, org, coResearcher.userId);
    const version = await makePublishedVersion(t.ctx, org);
    const shared = await makeRound(t.ctx, org, version, r.id);
    await t.ctx.db.updateTable('rounds').set({ open_text_export: 1, name: 'Voorjaar' }).where('id', '=', shared.roundId).execute();
    const closed = await makeRound(t.ctx, org, version, r.id);
    response = await respond(shared.roundId, ANSWER, 'complete');
    draft = await respond(shared.roundId, 'Nog niet ingediend.', 'draft');
    closedResponse = await respond(closed.roundId, WITHHELD, 'complete');
  });
  afterAll(() => t.close());

  it('lists only the open answers the round’s consent sends to researchers, of complete responses, and audits the read', async () => {
    const answers = await listAnswersForCoding(t.ctx, researcher, org);
    expect(answers.map((a) => [a.responseId, a.question, a.text, a.roundName])).toEqual([[response, 'toelichting', ANSWER, 'Voorjaar']]);
    expect(answers.map((a) => a.responseId)).not.toContain(draft);
    expect(answers.map((a) => a.responseId)).not.toContain(closedResponse);
    expect(await auditActions(t.ctx, org)).toContain('coding.answers_read');
    // Co-researchers code stories only: the respondents' consent does not name them.
    await expect(listAnswersForCoding(t.ctx, coResearcher, org)).rejects.toMatchObject({ id: 'forbidden' });
    await expect(listAnswersForCoding(t.ctx, coordinator, org)).rejects.toMatchObject({ id: 'forbidden' });
  });

  it('codes an answer with a memo, counts it, and puts it in a .qdpx that validates against the REFI-QDA schema', async () => {
    const code = await createCode(t.ctx, researcher, org, { name: 'Tijd', description: 'Tijd voor mensen', colour: '#1f77b4', parentId: null });
    const segment = await createAnswerSegment(t.ctx, researcher, org, { responseId: response, question: 'toelichting', start: 0, end: 27, codeId: code.id });
    expect(segment.quote).toBe('Meer tijd voor een gesprek.');
    await expect(
      createAnswerSegment(t.ctx, researcher, org, { responseId: closedResponse, question: 'toelichting', start: 0, end: 4, codeId: code.id }),
    ).rejects.toMatchObject({ id: 'not_found' });
    await expect(
      createAnswerSegment(t.ctx, coResearcher, org, { responseId: response, question: 'toelichting', start: 0, end: 4, codeId: code.id }),
    ).rejects.toMatchObject({ id: 'forbidden' });
    await expect(
      createAnswerSegment(t.ctx, researcher, org, { responseId: response, question: 'toelichting', start: 30, end: 90, codeId: code.id }),
    ).rejects.toMatchObject({ id: 'validation_failed', issues: [{ path: 'end' }] });
    const memo = await createMemo(t.ctx, researcher, org, { targetKind: 'segment', targetId: segment.id, title: 'Tijd', body: 'Komt ook in verhalen terug.' });
    expect((await listMemos(t.ctx, researcher, org)).map((m) => m.id)).toContain(memo.id);

    const frequencies = await codeFrequencies(t.ctx, researcher, org);
    const row = frequencies.byPosition.rows.find((r) => r.codeId === code.id);
    // Respondents have no known position: the answer counts under "unknown", coded by a researcher.
    expect(row?.cells.map((c) => c.count)).toEqual([0, 0, 0, 0, 1]);
    expect(frequencies.bySector.columns).toEqual(['jeugdhulp']);
    expect(frequencies.byCoder.rows.find((r) => r.codeId === code.id)?.cells.map((c) => c.count)).toEqual([1, 0, 0, 0, 0, 0]);
    // The coordinator sees the same counts suppressed.
    const safe = await codeFrequencies(t.ctx, coordinator, org);
    expect(safe.byPosition.rows.find((r) => r.codeId === code.id)?.cells[4]?.count).toBeNull();

    const { bytes } = await exportQdpx(t.ctx, researcher, org);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['project.qde'] as Uint8Array);
    validQde(xml);
    expect(xml).toContain('name="Open antwoord: Voorjaar · toelichting"');
    const texts = Object.entries(files)
      .filter(([name]) => name.endsWith('.txt'))
      .map(([, content]) => strFromU8(content));
    expect(texts).toContain(ANSWER);
    expect(texts.join('\n')).not.toContain(WITHHELD);
    expect(xml).toMatch(/<PlainTextSelection [^>]*startPosition="0" endPosition="27"/);
    expect(xml).toContain(`<CodeRef targetGUID="${code.id}"/>`);
    expect(xml).toContain(`<NoteRef targetGUID="${memo.id}"/>`);

    await deleteAnswerSegment(t.ctx, researcher, org, segment.id);
    const after = strFromU8(unzipSync((await exportQdpx(t.ctx, researcher, org)).bytes)['project.qde'] as Uint8Array);
    expect(after).not.toContain('endPosition="27"');
  });
});
