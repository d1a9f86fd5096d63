/**
 * Before and after at the same moment: the respondent form's server CPU per complete response of
 * another checkout's server (BENCH_APP_ROOT, an earlier commit with its bundle built) and of this
 * one, both running at once, each with its own database and its own BENCH_CONNECTIONS respondents
 * (default 30) from this process. On a shared machine whose load moves from minute to minute (and
 * with it the CPU a request costs), two servers measured side by side see the same load; runs one
 * after the other do not. BENCH_ROUNDS rounds (default 3) of BENCH_FORMS responses each (default
 * 200), after BENCH_FORM_WARMUP warm-up responses (default 300), on SQLite and PostgreSQL
 * (BENCH_SKIP_SQLITE=1, BENCH_SKIP_PG=1 leave one out). CPU is read from /proc as in bench/form.ts.
 * Run: BENCH_APP_ROOT=<checkout> npm run bench:form-pair
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { fillForms } from './lib/fill-forms.ts';
import { withPgDatabase } from './lib/pg-database.ts';
import { buildServerBundle, cpuByThread, DEPLOYED_NODE_ARGS, freePort, ROOT, type Running, startProcess } from './lib/processes.ts';
import { setupRound } from './lib/setup-round.ts';

const FORMS = Number(process.env.BENCH_FORMS ?? 200);
const WARMUP = Number(process.env.BENCH_FORM_WARMUP ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RESPONDENTS = Number(process.env.BENCH_CONNECTIONS ?? 30);
const OTHER = process.env.BENCH_APP_ROOT;
const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';

type App = { label: string; server: Running; base: string; token: string; instrument: Awaited<ReturnType<typeof setupRound>>['instrument'] };

async function startApp(label: string, root: string, env: Record<string, string>): Promise<App> {
  const { token, instrument } = await setupRound(loadConfig(env));
  const port = await freePort();
  const server = await startProcess(
    [...DEPLOYED_NODE_ARGS, path.join(root, 'bin/kruisbestuiving.js'), 'start'],
    { ...env, NODE_ENV: 'production', PORT: String(port), RESPONDENT_RATE_LIMIT: '100000000' },
    `http://127.0.0.1:${port}/readyz`,
  );
  return { label, server, base: `http://127.0.0.1:${port}`, token, instrument };
}

/** Both apps filled at once; CPU per complete response of each (whole process, main thread). */
async function together(apps: App[], forms: number) {
  const before = apps.map((a) => cpuByThread(a.server.pid));
  const runs = await Promise.all(apps.map((a) => fillForms(a.base, a.token, a.instrument, forms, RESPONDENTS)));
  const after = apps.map((a) => cpuByThread(a.server.pid));
  return apps.map((a, i) => {
    const run = runs[i];
    const [b, c] = [before[i], after[i]];
    if (!run || !b || !c) throw new Error('missing measurement');
    if (run.failures.length) throw new Error(`${a.label}: ${run.failures.slice(0, 3).join('; ')}`);
    return { total: (c.total - b.total) / run.completed, main: (c.main - b.main) / run.completed, perSecond: run.completed / run.seconds };
  });
}

async function pair(database: string, envOf: (which: 'other' | 'this') => Record<string, string>, lines: string[]) {
  if (!OTHER) throw new Error('BENCH_APP_ROOT: the checkout to compare with');
  const apps = [await startApp('other', OTHER, envOf('other')), await startApp('this', ROOT, envOf('this'))];
  try {
    await together(apps, WARMUP);
    for (let round = 1; round <= ROUNDS; round++) {
      const start = load();
      const [other, self] = await together(apps, FORMS);
      if (!other || !self) throw new Error('missing measurement');
      const line = `| ${database} | ${round} | ${other.total.toFixed(1)} (${other.main.toFixed(1)}) | ${self.total.toFixed(1)} (${self.main.toFixed(1)}) | ${(self.total / other.total).toFixed(2)}× | ${other.perSecond.toFixed(0)} / ${self.perSecond.toFixed(0)} | ${start} → ${load()} |`;
      console.error(line);
      lines.push(line);
    }
  } finally {
    await Promise.all(apps.map((a) => a.server.stop()));
  }
}

async function main() {
  buildServerBundle();
  const lines = [
    `${FORMS} complete responses per round and server after ${WARMUP} warm-up, ${RESPONDENTS} respondents per server at once, both servers at the same time`,
    '',
    '| database | round | other: CPU ms per response (main thread) | this | ratio | responses/s other / this | load average (1 min) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  if (!process.env.BENCH_SKIP_SQLITE) {
    const dirs = { other: fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pair-')), this: fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pair-')) };
    try {
      await pair('SQLite', (which) => ({ DATA_DIR: dirs[which] }), lines);
    } finally {
      for (const dir of Object.values(dirs)) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!process.env.BENCH_SKIP_PG)
    await withPgDatabase(`kb_bench_pair_a_${process.pid}`, (other) =>
      withPgDatabase(`kb_bench_pair_b_${process.pid}`, (self) => pair('PostgreSQL', (which) => ({ DATABASE_URL: which === 'other' ? other : self }), lines)),
    );
  console.log(lines.join('\n'));
}

await main();
