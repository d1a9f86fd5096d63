import { afterAll, beforeAll, expect, it } from 'vitest';
import { offThreadJobs } from '../../src/core/off-thread.ts';
import { buildTables, parsePresentation } from '../../src/modules/analysis/report.ts';
import { aggregate } from '../../src/modules/analysis/service.ts';
import { getBuiltinFramework } from '../../src/modules/frameworks/builtin.shared.ts';
import { cocreatieErvaringswerkers } from '../../src/modules/instruments/builtin/cocreatie-in-beeld.ts';
import { type ResolvedInstrument, resolveInstrument } from '../../src/modules/instruments/resolve.ts';
import type { Scope } from '../../src/modules/rounds/answers.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { sampleRoundResponses } from '../helpers/respondent.ts';

/** A filtered report counted in parts at once (as for a large round) is the report counted in one pass. */
describeEachDatabase('a filtered report counted in parts', (dialect) => {
  let t: TestApp;
  let scope: Scope;
  let instrument: ResolvedInstrument;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const ids = await sampleRoundResponses(t.ctx, 240);
    const round = await t.ctx.db
      .selectFrom('responses')
      .innerJoin('rounds', 'rounds.id', 'responses.round_id')
      .select(['rounds.id', 'rounds.organisation_id'])
      .where('responses.id', '=', ids[0] ?? '')
      .executeTakeFirstOrThrow();
    scope = { organisationId: round.organisation_id, roundIds: [round.id], answers: [{ question: 'sector', option: 'ggz' }] };
    const resolved = resolveInstrument(cocreatieErvaringswerkers, (framework, version) => getBuiltinFramework(framework, version));
    if (!resolved.ok) throw new Error('the built-in form does not resolve');
    instrument = resolved.instrument;
  }, 120_000);
  afterAll(() => t.close());

  it('every table, the follow-up questions and the combinations of choices included, comes out the same', async () => {
    const presentation = parsePresentation(null);
    const tablesOf = async (parts: number) =>
      buildTables(instrument, await aggregate(t.ctx, instrument, scope, presentation, { parts }), { lang: 'nl', suppress: false, k: 5, presentation });
    const inOne = await tablesOf(1);
    offThreadJobs.last = null;
    const inTwo = await tablesOf(2);
    if (dialect === 'sqlite') expect(offThreadJobs.last).toMatchObject({ task: 'counts' });
    expect(inTwo).toEqual(inOne);
    expect(await tablesOf(3)).toEqual(inOne);
    // The filter keeps some of the 240 responses, not none and not all.
    const n = (await aggregate(t.ctx, instrument, scope, presentation, { parts: 2 })).n;
    const direct = await t.ctx.db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('responses.round_id', '=', scope.roundIds[0] ?? '')
      .where('answers.question', '=', 'sector')
      .where('answers.option', '=', 'ggz')
      .executeTakeFirstOrThrow();
    expect(n).toBe(Number(direct.n));
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(240);
    expect(inOne.length).toBeGreaterThan(20);
  });
});
