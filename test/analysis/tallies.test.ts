import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { parsePresentation, sqlConditionOf } from '../../src/modules/analysis/report.ts';
import { aggregate } from '../../src/modules/analysis/service.ts';
import { allQuestions } from '../../src/modules/instruments/definition.ts';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import type { SqlCondition } from '../../src/modules/rounds/answers.ts';
import * as store from '../../src/modules/rounds/answers.ts';
import * as answersStore from '../../src/modules/rounds/answers-store.ts';
import { consentFor, type LinkContext, saveSection, startResponse, submitDraft, submitWhole } from '../../src/modules/rounds/respondent.ts';
import * as tallyStore from '../../src/modules/rounds/tally-store.ts';
import { rebuildTallies } from '../../src/modules/rounds/tally-store.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation } from '../helpers/factories.ts';
import { makeRoundWithTeamLink } from '../helpers/respondent.ts';

/**
 * The tallies kept at submission must always equal counting the answer rows themselves: whatever
 * path made a response complete (whole submission, a draft handed in), drafts never count, teams
 * add up, and recounting from scratch gives the same.
 */
describeEachDatabase('Answer tallies equal the answers they count', (dialect) => {
  let t: TestApp;
  let org: string;
  let roundId: string;
  let teamId: string;
  let multiple: string[];
  let choice: string[];
  /** Every follow-up condition of the form that SQL can count, and "answered" on every kind of question. */
  let conditions: SqlCondition[];
  /** The questions with one row per respondent: not multiple choice, not a matrix. */
  let oneRow: Set<string>;
  let form: ResolvedInstrument;

  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

  async function fromTallies(scope: store.Scope) {
    return {
      values: sorted(await store.valueCounts(t.ctx.db, scope)),
      answered: [...(await store.answeredCounts(t.ctx.db, scope, multiple)).entries()].sort(),
      choiceSets: await Promise.all(choice.map(async (q) => sorted(await tallyStore.choiceSets(t.ctx.db, scope, q)))),
      combinations: await Promise.all(multiple.map(async (q) => sorted(await store.combinationCounts(t.ctx.db, scope, q)))),
      conditions: await Promise.all(conditions.map((c) => store.countWhere(t.ctx.db, scope, c))),
    };
  }
  async function fromAnswers(scope: store.Scope) {
    return {
      values: sorted(await answersStore.valueCountsFromAnswers(t.ctx.db, scope)),
      answered: [...(await answersStore.answeredCountsFromAnswers(t.ctx.db, scope, multiple)).entries()].sort(),
      choiceSets: await Promise.all(choice.map(async (q) => sorted(await answersStore.choiceSetsFromAnswers(t.ctx.db, scope, q)))),
      combinations: await Promise.all(multiple.map(async (q) => sorted(store.combinationsOf(await answersStore.choiceSetsFromAnswers(t.ctx.db, scope, q))))),
      conditions: await Promise.all(conditions.map((c) => answersStore.countWhereFromAnswers(t.ctx.db, scope, c))),
    };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const made = await makeRoundWithTeamLink(t.ctx);
    ({ org, teamId, roundId } = made);
    const { links, instrument } = made;
    form = instrument;
    const questions = allQuestions(instrument);
    multiple = questions.flatMap((q) => (q.type === 'multiple' ? [q.key] : []));
    choice = questions.flatMap((q) => (q.type === 'multiple' || q.type === 'single' ? [q.key] : []));
    oneRow = new Set(questions.flatMap((q) => (q.type === 'multiple' || q.type === 'matrix' ? [] : [q.key])));
    expect(multiple.length).toBeGreaterThan(0);
    conditions = [
      ...questions.flatMap((q) => (q.showIf ? [sqlConditionOf(q.showIf, instrument)] : [])).filter((c) => c !== null),
      ...questions.flatMap((q) => [sqlConditionOf({ question: q.key, answered: true }, instrument)]).filter((c) => c !== null),
    ];
    expect(conditions.filter((c) => 'options' in c).length).toBeGreaterThan(1);
    expect(new Set(conditions.map((c) => c.shape))).toEqual(new Set(['choice', 'one-row', 'many-rows']));

    for (let i = 0; i < 36; i++) {
      const link = links[i % 2] as LinkContext;
      const answers = sampleAnswers(instrument, seededPick(1000 + i));
      const consentVersion = consentFor(link, 'nl').version;
      const responseId = newId();
      if (i % 3 === 0) {
        await submitWhole(t.ctx, link, { responseId, language: 'nl', consentVersion, answers });
        // A retry of the same submission is acknowledged again and counted once.
        await submitWhole(t.ctx, link, { responseId, language: 'nl', consentVersion, answers });
        continue;
      }
      const ownerHash = `browser-of-${responseId}`;
      await startResponse(t.ctx, link, { responseId, language: 'nl', consentVersion, ownerHash });
      for (const section of instrument.sections) {
        const result = await saveSection(t.ctx, link, { responseId, ownerHash, sectionKey: section.key, posted: answers, lang: 'nl' });
        expect(result.ok).toBe(true);
      }
      // Every third of these stays a draft: saved pages that must not be counted.
      if (i % 3 === 1) {
        expect(await submitDraft(t.ctx, link, responseId, ownerHash, 'nl')).toEqual({ ok: true });
        expect(await submitDraft(t.ctx, link, responseId, ownerHash, 'nl')).toEqual({ ok: true });
      }
    }
  });
  afterAll(() => t.close());

  it('gives the same counts as the answer rows, for the round and for one team', async () => {
    const whole: store.Scope = { organisationId: org, roundIds: [roundId], answers: [] };
    expect(await store.countResponses(t.ctx.db, whole)).toBe(24);
    const tallied = await fromTallies(whole);
    expect(tallied.values.length).toBeGreaterThan(20);
    expect(tallied.conditions.some((n) => n > 0 && n < 24)).toBe(true);
    expect(tallied).toEqual(await fromAnswers(whole));
    const team: store.Scope = { ...whole, teamId };
    expect(await fromTallies(team)).toEqual(await fromAnswers(team));
    expect(await fromTallies(team)).not.toEqual(tallied);
  });

  it('counts nothing for another organisation asking for this round', async () => {
    const other = await makeOrganisation(t.ctx);
    const tallied = await fromTallies({ organisationId: other, roundIds: [roundId], answers: [] });
    expect(tallied.values).toEqual([]);
    expect(tallied.answered).toEqual([]);
  });

  it('with an answer filter, every condition counts the respondents the answer rows give: from the value counts in hand where there is one row per respondent', async () => {
    const filtered: store.Scope = { organisationId: org, roundIds: [roundId], answers: [{ question: 'sector', option: 'ggz' }] };
    expect(await store.countResponses(t.ctx.db, filtered)).toBe(5);
    const values = await store.valueCounts(t.ctx.db, filtered);
    const counted: number[] = [];
    for (const condition of conditions) {
      const fromRows = await answersStore.countWhereFromAnswers(t.ctx.db, filtered, condition);
      expect(await store.countWhere(t.ctx.db, filtered, condition)).toBe(fromRows);
      if (oneRow.has(condition.question)) expect(store.countInValues(values, condition)).toBe(fromRows);
      counted.push(fromRows);
    }
    // Conditions that hold for some of the 5 and not others, on both kinds of question.
    const between = conditions.filter((_, i) => (counted[i] ?? 0) > 0 && (counted[i] ?? 0) < 5);
    expect(between.some((c) => oneRow.has(c.question) && 'options' in c)).toBe(true);
    expect(between.some((c) => !oneRow.has(c.question))).toBe(true);
  });

  it('a filtered report counts who was shown each follow-up question as the answer rows do, also after a multiple-choice question', async () => {
    const filtered: store.Scope = { organisationId: org, roundIds: [roundId], answers: [{ question: 'sector', option: 'ggz' }] };
    const { eligible } = await aggregate(t.ctx, form, filtered, parsePresentation(null));
    const followUps = allQuestions(form).flatMap((q) => {
      const condition = q.showIf ? sqlConditionOf(q.showIf, form) : null;
      return condition ? [{ key: q.key, condition }] : [];
    });
    expect(followUps.some((f) => f.condition.shape === 'choice' && !oneRow.has(f.condition.question))).toBe(true);
    for (const { key, condition } of followUps)
      expect({ key, count: eligible.get(key)?.count }).toEqual({ key, count: await answersStore.countWhereFromAnswers(t.ctx.db, filtered, condition) });
  });

  it('recounting from scratch gives the same tallies', async () => {
    const whole: store.Scope = { organisationId: org, roundIds: [roundId], answers: [] };
    const before = await fromTallies(whole);
    await rebuildTallies(t.ctx.db, [roundId]);
    expect(await fromTallies(whole)).toEqual(before);
  });
});
