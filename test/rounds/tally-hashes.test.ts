import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import * as responseTallyHashes from '../../src/db/migrations/2026_12_11_response_tally_hashes.ts';
import { allQuestions } from '../../src/modules/instruments/definition.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import type { AnswerRowCounts, Scope } from '../../src/modules/rounds/answers.ts';
import * as answers from '../../src/modules/rounds/answers.ts';
import * as answersStore from '../../src/modules/rounds/answers-store.ts';
import { insertAnswers, insertResponses, rebuildTallies } from '../../src/modules/rounds/bulk-load.ts';
import { consentFor, type LinkContext, saveSection, startResponse, submitDraft, submitWhole } from '../../src/modules/rounds/respondent.ts';
import { tallyRowsOf } from '../../src/modules/rounds/tally-batch.ts';
import { countsFromHashes, hashesOfTallyRows, hashOf, numberText } from '../../src/modules/rounds/tally-hashes.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation } from '../helpers/factories.ts';
import { makeRound, makeRoundWithTeamLink } from '../helpers/respondent.ts';

const SEP = '\u001f';

describe('tally hashes', () => {
  it('hashes with 32-bit FNV-1a, halved to 31 bits', () => {
    expect(hashOf('abc')).toBe(220460165);
    expect(hashOf('')).toBe(1083068130);
  });

  it('writes a number as at most 15 significant digits, whichever database wrote it', () => {
    expect(numberText(3)).toBe('3');
    expect(numberText(Number('3.0'))).toBe('3');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1.5)).toBe('1.5');
    expect(numberText(null)).toBe('');
  });

  it('keeps one hash per value row, per question answered and per set of options chosen', () => {
    const rows = [
      { question: 'sector', item: null, option: 'ggz', number_value: null, text_value: null },
      { question: 'rollen', item: null, option: 'brugfiguur', number_value: null, text_value: null },
      { question: 'rollen', item: null, option: 'leefwereld', number_value: null, text_value: null },
      { question: 'rollen', item: null, option: 'kritische_stem', number_value: null, text_value: '_missing' },
    ];
    const bytes = hashesOfTallyRows(tallyRowsOf(rows));
    // 4 value rows, 2 questions answered, 2 sets (the marker is not chosen).
    expect(bytes.length).toBe(8 * 4);
    expect(bytes.readUInt32LE(0)).toBe(hashOf(['v', 'sector', '', 'ggz', '', '0'].join(SEP)));
    expect(bytes.readUInt32LE(12)).toBe(hashOf(['v', 'rollen', '', 'kritische_stem', '', '1'].join(SEP)));
    expect(bytes.readUInt32LE(28)).toBe(hashOf(['s', 'rollen', 'brugfiguur leefwereld'].join(SEP)));
  });

  const keys = {
    values: [
      { question: 'sector', item: '', option: 'ggz', value: '', marker: 0 },
      { question: 'uren', item: '', option: '', value: '4.0', marker: 0 },
      { question: 'rollen', item: '', option: 'brugfiguur', value: '', marker: 0 },
    ],
    answered: [{ question: 'rollen', item: '' }],
    sets: [{ question: 'rollen', options: 'brugfiguur' }],
  };
  const h = (...fields: string[]) => hashOf(fields.join(SEP));

  it('reads the counts of the hashes back from the tally keys', () => {
    const counted = new Map([
      [h('v', 'sector', '', 'ggz', '', '0'), 3],
      [h('v', 'uren', '', '', '4', '0'), 2],
      [h('a', 'rollen', ''), 3],
      [h('s', 'rollen', 'brugfiguur'), 3],
    ]);
    expect(countsFromHashes(3, counted, keys, ['rollen'])).toEqual({
      n: 3,
      values: [
        { question: 'sector', item: null, option: 'ggz', value: null, marker: false, count: 3 },
        { question: 'uren', item: null, option: null, value: 4, marker: false, count: 2 },
      ],
      answered: new Map([['rollen', 3]]),
      sets: new Map([['rollen', [{ options: ['brugfiguur'], count: 3 }]]]),
    } satisfies AnswerRowCounts);
    // Answered and sets only for the multiple-choice questions asked for.
    expect(countsFromHashes(3, counted, keys, [])?.answered).toEqual(new Map());
  });

  it('gives up when a hash is no key of the tallies, or two keys share it', () => {
    expect(countsFromHashes(1, new Map([[h('v', 'sector', '', 'jeugdhulp', '', '0'), 1]]), keys, [])).toBeNull();
    // Two numbers of one question whose keys hash alike.
    const clash = {
      ...keys,
      values: [
        ...keys.values,
        { question: 'leeftijd', item: '', option: '', value: '59947', marker: 0 },
        { question: 'leeftijd', item: '', option: '', value: '210145', marker: 0 },
      ],
    };
    expect(h('v', 'leeftijd', '', '', '59947', '0')).toBe(h('v', 'leeftijd', '', '', '210145', '0'));
    expect(countsFromHashes(1, new Map([[h('v', 'leeftijd', '', '', '59947', '0'), 1]]), clash, [])).toBeNull();
    expect(countsFromHashes(1, new Map([[h('v', 'sector', '', 'ggz', '', '0'), 1]]), clash, [])).not.toBeNull();
  });
});

/**
 * Counts in an order-free form, to compare two ways of counting. Numbers to 15 significant digits:
 * the hashes keep no more (SQLite's tallies and reports give no more either).
 */
const normal = (c: AnswerRowCounts) => ({
  n: c.n,
  values: c.values.map((v) => JSON.stringify({ ...v, value: v.value === null ? null : Number(v.value.toPrecision(15)) })).sort(),
  answered: [...c.answered].sort(),
  sets: [...c.sets].map(([q, list]) => [q, list.map((s) => JSON.stringify(s)).sort()]).sort(),
});

describeEachDatabase('Filtered counts from tally hashes equal counting the answer rows', (dialect) => {
  let t: TestApp;
  let org: string;
  let roundId: string;
  let teamId: string;
  let multiple: string[];
  let bulkId: string;
  let importedRoundId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const made = await makeRoundWithTeamLink(t.ctx);
    ({ org, teamId, roundId } = made);
    const { links, instrument, versionId: version, userId } = made;
    multiple = allQuestions(instrument).flatMap((q) => (q.type === 'multiple' ? [q.key] : []));
    for (let i = 0; i < 30; i++) {
      const link = links[i % 2] as LinkContext;
      const posted = sampleAnswers(instrument, seededPick(2000 + i));
      const consentVersion = consentFor(link, 'nl').version;
      const responseId = newId();
      if (i % 3 === 0) {
        await submitWhole(t.ctx, link, { responseId, language: 'nl', consentVersion, answers: posted });
        continue;
      }
      const ownerHash = `browser-of-${responseId}`;
      await startResponse(t.ctx, link, { responseId, language: 'nl', consentVersion, ownerHash });
      for (const section of instrument.sections)
        expect((await saveSection(t.ctx, link, { responseId, ownerHash, sectionKey: section.key, posted, lang: 'nl' })).ok).toBe(true);
      // Every third of these stays a draft.
      if (i % 3 === 1) expect(await submitDraft(t.ctx, link, responseId, ownerHash, 'nl')).toEqual({ ok: true });
    }
    // An imported response in a second round (bulk load, then that round's tallies rebuilt): a marker
    // row and a number with a fraction.
    const imported = await makeRound(t.ctx, org, version, userId);
    importedRoundId = imported.roundId;
    bulkId = newId();
    const linkId = (await t.ctx.db.selectFrom('round_links').select('id').where('token', '=', imported.token).executeTakeFirstOrThrow()).id;
    await insertResponses(t.ctx.db, [
      {
        id: bulkId,
        round_id: importedRoundId,
        link_id: linkId,
        team_id: null,
        instrument_version_id: version,
        language: 'nl',
        consent_version: 'import',
        status: 'complete',
        started_on: '2026-12-01',
        submitted_on: '2026-12-01',
        resume_code_hash: null,
      },
    ]);
    const row = (question: string, option: string | null, number_value: number | null, text_value: string | null) => ({
      response_id: bulkId,
      question,
      item: null,
      option,
      number_value,
      text_value,
    });
    await insertAnswers(t.ctx.db, [
      row('sector', 'ggz', null, null),
      row('rollen', 'brugfiguur', null, null),
      row('rollen', 'kritische_stem', null, '_missing'),
      row('uren_per_week', null, 0.1 + 0.2, null),
    ]);
    await rebuildTallies(t.ctx.db, [importedRoundId]);
  });
  afterAll(() => t.close());

  const scopes = (): [string, Scope][] => [
    ['sector ggz', { organisationId: org, roundIds: [roundId], answers: [{ question: 'sector', option: 'ggz' }] }],
    ['sector jeugdhulp', { organisationId: org, roundIds: [roundId], answers: [{ question: 'sector', option: 'jeugdhulp' }] }],
    ['rollen brugfiguur, one team', { organisationId: org, roundIds: [roundId], teamId, answers: [{ question: 'rollen', option: 'brugfiguur' }] }],
    ['rollen brugfiguur', { organisationId: org, roundIds: [roundId], answers: [{ question: 'rollen', option: 'brugfiguur' }] }],
    ['sector ggz, both rounds', { organisationId: org, roundIds: [roundId, importedRoundId], answers: [{ question: 'sector', option: 'ggz' }] }],
  ];

  it('every path that completes a response stores its hashes; a draft has none', async () => {
    const rows = await t.ctx.db.selectFrom('responses').select(['status', 'tally_hashes']).where('round_id', 'in', [roundId, importedRoundId]).execute();
    expect(rows.filter((r) => r.status === 'complete' && r.tally_hashes?.length).length).toBe(21);
    expect(rows.filter((r) => r.status === 'complete' && !r.tally_hashes?.length).length).toBe(0);
    expect(rows.filter((r) => r.status === 'draft' && r.tally_hashes === null).length).toBe(10);
  });

  it('counts each filtered scope from the hashes, as the answer rows count it', async () => {
    const sizes: number[] = [];
    for (const [name, scope] of scopes()) {
      const hashed = await answers.countsFromTallyHashes(t.ctx.db, scope, multiple, null);
      if (!hashed) throw new Error(`${name}: not counted from the hashes`);
      expect({ name, ...normal(hashed) }).toEqual({ name, ...normal(await answersStore.answerRowCountsFromAnswers(t.ctx.db, scope, multiple)) });
      sizes.push(hashed.n);
    }
    expect(sizes.every((n) => n > 0)).toBe(true);
    // The imported response's marker and fraction are among the counts.
    const ggz = await answers.countsFromTallyHashes(t.ctx.db, scopes()[4]?.[1] as Scope, multiple, null);
    expect(ggz?.values).toContainEqual(expect.objectContaining({ question: 'rollen', option: 'kritische_stem', marker: true }));
    expect(ggz?.values).toContainEqual({ question: 'uren_per_week', item: null, option: null, value: 0.3, marker: false, count: 1 });
  });

  it('counts another organisation asking for this round as nothing', async () => {
    const other = await makeOrganisation(t.ctx);
    const hashed = await answers.countsFromTallyHashes(
      t.ctx.db,
      { organisationId: other, roundIds: [roundId], answers: [{ question: 'sector', option: 'ggz' }] },
      multiple,
      null,
    );
    expect(hashed).toEqual({ n: 0, values: [], answered: new Map(), sets: new Map() });
  });

  it('the migration gives existing responses the hashes the live code gives them', async () => {
    const before = await t.ctx.db.selectFrom('responses').select(['id', 'tally_hashes']).where('status', '=', 'complete').orderBy('id').execute();
    await responseTallyHashes.down(t.ctx.db as unknown as Kysely<unknown>);
    await responseTallyHashes.up(t.ctx.db as unknown as Kysely<unknown>);
    const after = await t.ctx.db.selectFrom('responses').select(['id', 'tally_hashes']).where('status', '=', 'complete').orderBy('id').execute();
    expect(after.length).toBe(21);
    expect(after.map((r) => [r.id, Buffer.from(r.tally_hashes ?? []).toString('hex')])).toEqual(
      before.map((r) => [r.id, Buffer.from(r.tally_hashes ?? []).toString('hex')]),
    );
  });

  it('a response without hashes, or with a hash no key has, makes the report count the answer rows', async () => {
    const [, scope] = scopes()[4] as [string, Scope];
    const fromRows = normal(await answersStore.answerRowCountsFromAnswers(t.ctx.db, scope, multiple));
    const stored = await t.ctx.db.selectFrom('responses').select('tally_hashes').where('id', '=', bulkId).executeTakeFirstOrThrow();
    try {
      await sql`update responses set tally_hashes = null where id = ${bulkId}`.execute(t.ctx.db);
      expect(await answers.countsFromTallyHashes(t.ctx.db, scope, multiple, null)).toBeNull();
      expect(normal(await answers.answerRowCounts(t.ctx.db, scope, multiple, { parts: 1 }))).toEqual(fromRows);
      const unknown = Buffer.concat([Buffer.from(stored.tally_hashes ?? []), Buffer.from([1, 2, 3, 4])]);
      await sql`update responses set tally_hashes = ${unknown} where id = ${bulkId}`.execute(t.ctx.db);
      expect(await answers.countsFromTallyHashes(t.ctx.db, scope, multiple, null)).toBeNull();
      expect(normal(await answers.answerRowCounts(t.ctx.db, scope, multiple, { parts: 2 }))).toEqual(fromRows);
    } finally {
      await sql`update responses set tally_hashes = ${Buffer.from(stored.tally_hashes ?? [])} where id = ${bulkId}`.execute(t.ctx.db);
    }
    expect(await answers.countsFromTallyHashes(t.ctx.db, scope, multiple, null)).not.toBeNull();
  });
});
