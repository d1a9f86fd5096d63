import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { createDemoTestDatabase, describeEachDatabase } from '../helpers/databases.ts';
import { newCookieJar, respondentOf, startServer } from '../helpers/server-process.ts';
import { reportTally, roundWithPlan, tallyByHand } from '../helpers/submissions.ts';

describeEachDatabase('an acknowledged answer is on disk', (dialect) => {
  it('survives the server being killed (SIGKILL) right after the acknowledgements', async () => {
    const testDb = await createDemoTestDatabase(dialect);
    const { env, token, plan } = await roundWithPlan(testDb, 60, 3);
    const server = await startServer(env);
    const submit = await respondentOf(server.base, token);
    const acknowledged: string[] = [];
    await Promise.all(
      plan.map(async ({ id, answers }) => {
        const outcome = await submit(id, answers);
        if (outcome !== 'no answer' && outcome.status === 200) acknowledged.push(id);
      }),
    );
    await server.kill9();
    expect(acknowledged).toHaveLength(60);

    const handle = openDatabase(testDb.database);
    const stored = await handle.db.selectFrom('responses').select('id').where('status', '=', 'complete').where('id', 'in', acknowledged).execute();
    expect(stored).toHaveLength(acknowledged.length);
    const answerRows = await handle.db.selectFrom('answers').select('response_id').where('response_id', 'in', acknowledged).execute();
    expect(new Set(answerRows.map((r) => r.response_id)).size).toBe(acknowledged.length);
    await handle.close();
    await testDb.dispose();
  }, 120_000);

  /**
   * Kill -9 while submissions are in flight, three times, then a last start that retries everything
   * never acknowledged and repeats some that were: every acknowledged response is stored once, with
   * its answers once, and the report counts each response once.
   */
  it('loses and duplicates nothing when killed (SIGKILL) in the middle of submissions, with retries after each restart', async () => {
    const testDb = await createDemoTestDatabase(dialect);
    const { env, token, plan } = await roundWithPlan(testDb, 180, 11);
    const acknowledged = new Set<string>();
    const pending = [...plan];
    const acknowledgedAsDuplicate: string[] = [];
    const refused: string[] = [];
    // One browser throughout: its retries after a restart carry the same cookies.
    const jar = newCookieJar();

    for (let kill = 0; kill < 3; kill++) {
      const server = await startServer(env);
      const submit = await respondentOf(server.base, token, jar);
      let stop = false;
      let ackedThisRun = 0;
      // Kill once this run has acknowledged 30 more, while the other workers' requests are in flight.
      let killing: Promise<void> | undefined;
      const worker = async () => {
        while (!stop) {
          const next = pending.shift();
          if (!next) return;
          const outcome = await submit(next.id, next.answers);
          if (outcome !== 'no answer' && outcome.status === 200) {
            acknowledged.add(next.id);
            if (++ackedThisRun === 30) {
              stop = true;
              killing = server.kill9();
            }
          } else if (outcome === 'no answer') pending.push(next);
          else refused.push(`${next.id}: ${outcome.status}`);
        }
      };
      // Every worker ends once its last request was answered or failed with the server gone.
      await Promise.all(Array.from({ length: 12 }, worker));
      await killing;
    }
    expect(refused).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(90);

    const server = await startServer(env);
    const submit = await respondentOf(server.base, token, jar);
    for (const next of pending.splice(0)) {
      const outcome = await submit(next.id, next.answers);
      expect(outcome, next.id).not.toBe('no answer');
      if (outcome !== 'no answer') {
        expect(outcome.status).toBe(200);
        acknowledged.add(next.id);
      }
    }
    // A client that lost the acknowledgement sends again: acknowledged like a first submission (no
    // oracle says whether the id existed) and, as the count below shows, stored once.
    for (const again of plan.slice(0, 20)) {
      const outcome = await submit(again.id, again.answers);
      if (outcome !== 'no answer' && outcome.status === 200 && outcome.duplicate === undefined) acknowledgedAsDuplicate.push(again.id);
    }
    expect(acknowledgedAsDuplicate).toHaveLength(20);
    await server.kill9();
    expect(acknowledged.size).toBe(plan.length);

    const handle = openDatabase(testDb.database);
    const responses = await handle.db.selectFrom('responses').select(['id', 'status']).execute();
    const planned = new Set(plan.map((p) => p.id));
    // Demo responses of other rounds are in the same database: look only at this round's ids.
    const ours = responses.filter((r) => planned.has(r.id));
    expect(ours).toHaveLength(plan.length);
    expect(ours.every((r) => r.status === 'complete')).toBe(true);
    const rows = await handle.db
      .selectFrom('answers')
      .select(['response_id', 'question', 'item', 'option'])
      .where('response_id', 'in', [...planned])
      .execute();
    const seen = new Set<string>();
    const duplicates = rows.filter((r) => {
      const key = JSON.stringify([r.response_id, r.question, r.item, r.option]);
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
    expect(duplicates).toEqual([]);
    expect(new Set(rows.map((r) => r.response_id)).size).toBe(plan.length);
    await handle.close();

    const report = await reportTally(env);
    expect(report.n).toBe(plan.length);
    expect(report.tally).toEqual(tallyByHand(plan));
    await testDb.dispose();
  }, 300_000);
});
