import { expect } from 'vitest';
import { setupRound } from '../../bench/lib/setup-round.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { envFor, runCli } from './cli.ts';
import type { TestDatabase } from './databases.ts';

export const ROUND_KEY = 'proef-ronde';
/** The closed questions counted by hand below: three with one answer, three with several (one of them asked only after "betaald"). */
const COUNTED = ['sector', 'organisatietype', 'betaald', 'betaling_hoe', 'rollen', 'omkadering'];

export type Planned = { id: string; answers: Record<string, unknown> };

/**
 * An open round (key `proef-ronde`) of the experience workers' form in the demo organisation of `testDb` (made by
 * `createDemoTestDatabase`), and `count` varied responses to send.
 */
export async function roundWithPlan(testDb: TestDatabase, count: number, seed: number) {
  const env = { ...envFor(testDb.database), RESPONDENT_RATE_LIMIT: '1000000' };
  const { token, instrument } = await setupRound(loadConfig(env), { demoLoaded: true });
  const handle = openDatabase(testDb.database);
  await handle.db.updateTable('rounds').set({ key: ROUND_KEY }).where('name', '=', 'Benchmark').execute();
  await handle.close();
  const pick = seededPick(seed);
  const plan: Planned[] = Array.from({ length: count }, () => ({ id: crypto.randomUUID(), answers: sampleAnswers(instrument, pick) }));
  return { env, token, instrument, plan };
}

/** Per counted question, how many of these responses chose each option: counted here, from what was sent. */
export function tallyByHand(responses: Planned[]): Record<string, Record<string, number>> {
  const tally: Record<string, Record<string, number>> = Object.fromEntries(COUNTED.map((q) => [q, {}]));
  for (const { answers } of responses) {
    for (const question of COUNTED) {
      const counts = tally[question] ?? {};
      for (const code of [answers[question] ?? []].flat() as string[]) counts[code] = (counts[code] ?? 0) + 1;
    }
  }
  return tally;
}

type ReportJson = { round: { n: number }; tables: { question: string; item: string | null; view: string; items: { code: string; count: number | null }[] }[] };

/** The round's report as the command line prints it (every count shown), in the same shape as `tallyByHand`. */
export async function reportTally(env: Record<string, string>): Promise<{ n: number; tally: Record<string, Record<string, number>> }> {
  const result = await runCli(['report', ROUND_KEY, '--format', 'json'], env);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as ReportJson;
  const tally: Record<string, Record<string, number>> = {};
  for (const question of COUNTED) {
    const table = report.tables.find((t) => t.question === question && t.item === null && t.view === 'options');
    expect(table, `a table for ${question}`).toBeDefined();
    tally[question] = Object.fromEntries((table?.items ?? []).filter((i) => (i.count ?? 0) > 0).map((i) => [i.code, i.count ?? 0]));
  }
  return { n: report.round.n, tally };
}
