import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import * as answers from '../../src/modules/rounds/answers.ts';
import * as answersStore from '../../src/modules/rounds/answers-store.ts';
import { type AnswerTable, answerBatches, insertResponses, type ResponseTable } from '../../src/modules/rounds/bulk-load.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';

/**
 * A report filtered on an answer ("sector = ggz") counts the right respondents, and on PostgreSQL it
 * looks up the round's own responses' rows instead of every round's rows holding that answer
 * (issue 17, docs/scale.md; migration 2026_12_07_scale_filtered_answers: extended statistics that
 * tell PostgreSQL an option key belongs to one question, without which it collected the matching rows
 * from the whole table; and 2026_12_10_chosen_answers_index: an index on (question, option,
 * response_id) of the chosen rows, so whether a response chose the option is read from the index alone).
 * The data: a large round of 3,000 responses and a small one of 30, 31 rows each; three responses
 * in four chose ggz, spread over the whole table, as a common answer is in a network. As in a real
 * form, each question has option keys of its own.
 */
describeEachDatabase('A filtered count reads its own round at scale', (dialect) => {
  let t: TestApp;
  let org: string;
  let large: string;
  let small: string;

  async function loadRound(roundId: string, versionId: string, responses: number) {
    const link = await t.ctx.db.selectFrom('round_links').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow();
    const rows: ResponseTable[] = [];
    const answerRows: AnswerTable[] = [];
    for (let i = 0; i < responses; i++) {
      const id = newId();
      rows.push({
        id,
        round_id: roundId,
        link_id: link.id,
        team_id: null,
        instrument_version_id: versionId,
        language: 'nl',
        consent_version: 'test',
        status: 'complete',
        started_on: '2027-04-01',
        submitted_on: '2027-04-01',
        resume_code_hash: null,
      });
      answerRows.push({ response_id: id, question: 'sector', item: null, option: i % 4 === 3 ? 'jeugdhulp' : 'ggz', number_value: null, text_value: null });
      for (let q = 0; q < 30; q++)
        answerRows.push({ response_id: id, question: `q${q}`, item: null, option: `q${q}o${(i + q) % 5}`, number_value: null, text_value: null });
    }
    await insertResponses(t.ctx.db, rows);
    await answerBatches().insert(t.ctx.db, answerRows);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    const version = await makePublishedVersion(t.ctx, org);
    large = (await makeRound(t.ctx, org, version, user.id)).roundId;
    small = (await makeRound(t.ctx, org, version, user.id)).roundId;
    await loadRound(large, version, 3000);
    await loadRound(small, version, 30);
    // What autovacuum does after a bulk load on PostgreSQL (the visibility map included, which lets it
    // read an index alone). The app never runs ANALYZE on SQLite, so
    // its planner has no statistics there (sqlite_stat1), as in a deployment.
    if (dialect === 'postgres') await t.ctx.db.executeQuery(CompiledQuery.raw('vacuum analyze'));
  }, 120_000);
  afterAll(async () => t?.close());

  const filtered = (roundId: string) => ({ organisationId: org, roundIds: [roundId], answers: [{ question: 'sector', option: 'ggz' }] });

  it('counts the respondents who chose the option, per round', async () => {
    expect(await answers.countResponses(t.ctx.db, filtered(small))).toBe(23);
    expect(await answers.countResponses(t.ctx.db, filtered(large))).toBe(2250);
    const values = await answers.valueCounts(t.ctx.db, filtered(small));
    expect(values.find((v) => v.question === 'sector' && v.option === 'ggz')?.count).toBe(23);
    expect(values.find((v) => v.question === 'sector' && v.option === 'jeugdhulp')).toBeUndefined();
  });

  /** The statements `run` sends, as compiled for this database, with the plan of the last one. */
  async function lastPlan(run: (db: typeof t.ctx.db) => Promise<unknown>): Promise<string> {
    const captured: CompiledQuery[] = [];
    const executor = t.ctx.db.getExecutor();
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        captured.push(executor.compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    await run(t.ctx.db.withPlugin(capture));
    const statement = captured.at(-1);
    if (!statement) throw new Error('no statement captured');
    const explain = dialect === 'postgres' ? 'explain (format json)' : 'explain query plan';
    const result = await t.ctx.db.executeQuery(CompiledQuery.raw(`${explain} ${statement.sql}`, [...statement.parameters]));
    return JSON.stringify(result.rows);
  }

  it('counts who answered a multiple-choice question from the round’s responses, not from every round’s rows of the question', async () => {
    const answered = await answers.answeredCounts(t.ctx.db, filtered(small), ['q1', 'q2']);
    expect([...answered.entries()].sort()).toEqual([
      ['q1', 23],
      ['q2', 23],
    ]);
    const plan = await lastPlan((db) => answers.answeredCounts(db, filtered(small), ['q1', 'q2']));
    // The rows counted are found by response. With the answers leading, SQLite walked the question
    // index over both rounds' rows of these questions (the filter's own look-up, alias f, may use it).
    if (dialect === 'sqlite') {
      expect(plan).toContain('SEARCH answers USING INDEX answers_response_idx');
      expect(plan).not.toContain('SEARCH answers USING INDEX answers_question_idx');
    } else expect(plan).not.toMatch(/"Index Name":"answers_question_idx","Relation Name":"answers","Alias":"answers"/);
  });

  it('counts a report in parts from responses selected once, their rows found by response, not from every round’s rows of a question', async () => {
    const selected = await answersStore.responseIdsInScope(t.ctx.db, filtered(small));
    expect(selected).toHaveLength(23);
    const counts = await answersStore.answerRowCountsOfResponses(t.ctx.db, selected, ['q1', 'q2']);
    expect([counts.n, counts.answered.get('q1'), counts.answered.get('q2')]).toEqual([23, 23, 23]);
    // The last statement groups each respondent's multiple-choice rows.
    const plan = await lastPlan((db) => answersStore.answerRowCountsOfResponses(db, selected, ['q1', 'q2']));
    if (dialect === 'sqlite') {
      expect(plan).toContain('SEARCH answers USING INDEX answers_response_idx (response_id=?)');
      expect(plan).not.toContain('answers_question_idx');
    } else {
      // PostgreSQL may AND the question index with the responses' (cheap at this size, bounded by the
      // responses); what it must not do is read a question's rows without them.
      expect(plan).toMatch(/"Index Name":"answers_response_idx"[^}]*"Index Cond":"\(response_id = ANY/);
      expect(plan).not.toMatch(/"Node Type":"Seq Scan"[^}]*"Relation Name":"answers"/);
    }
  });

  // On PostgreSQL the same is checked per response of a small round, below.
  if (dialect === 'sqlite')
    it('on SQLite, lists the responses that chose the option from the index of chosen rows, not from the rows themselves', async () => {
      const plan = await lastPlan(async (db) => expect(await answers.countResponses(db, filtered(large))).toBe(2250));
      expect(plan).toContain('answers_chosen_idx (question=? AND option=?)');
      expect(plan).not.toContain('answers_question_idx');
    });

  if (dialect === 'postgres')
    it('on PostgreSQL, knows how few groups a filtered report’s value counts make, so it groups them in memory', async () => {
      const plan = JSON.parse(await lastPlan((db) => answers.valueCounts(db, filtered(large)))) as [{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }];
      // 31 questions with 5 or 2 options of their own make 152 groups. Counted as independent columns,
      // 31 questions × 152 options were thousands, and PostgreSQL sorted on disk instead of hashing.
      expect(plan[0]['QUERY PLAN'][0].Plan['Plan Rows']).toBeLessThan(400);
    });

  // A query plan is PostgreSQL's: on SQLite there is nothing to check, so the test is not listed there.
  if (dialect === 'postgres')
    it('on PostgreSQL, looks up the small round’s rows rather than every round’s ggz rows', async () => {
      const plan = await lastPlan(async (db) => expect(await answers.countResponses(db, filtered(small))).toBe(23));
      // Whether each response chose ggz is read from the index of chosen rows alone (answers_chosen_idx,
      // index only: no row read to tell a choice from a marker), never by collecting every row with
      // question sector (answers_question_idx) or a whole-table scan.
      expect(plan).toMatch(/"Node Type":"Index Only Scan"[^}]*"Index Name":"answers_chosen_idx"[^}]*"Index Cond":"[^"]*response_id = responses\.id/);
      expect(plan).not.toContain('answers_question_idx');
      expect(plan).not.toMatch(
        /"Node Type":"Seq Scan","Parent Relationship":"[^"]+","Parallel Aware":(true|false),"Async Capable":(true|false),"Relation Name":"answers"/,
      );
      // And PostgreSQL knows how many rows hold the answer (2,250): estimating question and option
      // as independent gave about 1/31 of that (83), which at a network's size made collecting them all look cheap.
      const estimate = await t.ctx.db.executeQuery<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
        CompiledQuery.raw("explain (format json) select response_id from answers where question = 'sector' and option = 'ggz'"),
      );
      expect(estimate.rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows']).toBeGreaterThan(1500);
    });
});
