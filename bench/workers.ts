/**
 * `npm run bench:workers`: both cores on PostgreSQL, on their own. Complete JSON responses of the
 * respondent form (POST /api/r/<token>/responses, the path of bench/submissions.ts) against one
 * server started as `npm start` starts it (the bundle, the deployed Node flags), alternately with
 * WORKERS=1 and WORKERS=2 on the same database, BENCH_WORKERS_ROUNDS rounds (default 2).
 *
 * The load generator is light on purpose: node:http with a keep-alive agent, BENCH_CONNECTIONS
 * respondents at once (default 30), each sending its next response when the last one is answered,
 * for BENCH_SECONDS (default 20) after BENCH_WARMUP_SECONDS (default 3) of warm-up. With
 * BENCH_PATH=form the respondents fill the form page by page instead (bench/lib/fill-forms.ts, 19
 * requests per response, fetch): BENCH_FORMS complete responses (default 150) after 30 of warm-up,
 * where the server's own CPU weighs far more against PostgreSQL's. Beside each run
 * it reports the CPU time per acknowledged response of the server (the primary and its workers),
 * of PostgreSQL's backends for this database, and of the load generator itself, and how busy the
 * whole machine was (/proc/stat, every process of every user), so a ratio under 1.6× can be told
 * apart from a machine that had no second core to give.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import type { ResolvedInstrument } from '../src/modules/instruments/resolve.ts';
import { sampleAnswers, seededPick } from '../src/modules/instruments/sample-answers.ts';
import { fillForms } from './lib/fill-forms.ts';
import { withPgDatabase } from './lib/pg-database.ts';
import { buildServerBundle, cpuByThread, cpuOfProcesses, deployedApp, freePort, processTree, startProcess } from './lib/processes.ts';
import { setupRound } from './lib/setup-round.ts';
import { consentVersion, csrfHeaders } from './submissions.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 30);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_WORKERS_ROUNDS ?? 2);
const FORM_PATH = process.env.BENCH_PATH === 'form';
const FORMS = Number(process.env.BENCH_FORMS ?? 150);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

/** The main threads only (JavaScript): what one process cannot spread over more cores. */
const mainCpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + (fs.existsSync(`/proc/${pid}`) ? cpuByThread(pid).main : 0), 0);

/** Busy and total CPU time of the whole machine so far, in ms (all cores). */
function machineCpu(): { busy: number; total: number } {
  const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0) * 10;
  const idle = ((fields[3] ?? 0) + (fields[4] ?? 0)) * 10;
  return { busy: total - idle, total };
}

/** Transactions committed and deadlocks detected in this database so far (PostgreSQL's statistics). */
async function databaseStats(admin: pg.Client, database: string): Promise<{ commits: number; deadlocks: number }> {
  const { rows } = await admin.query<{ commits: string; deadlocks: string }>(
    'select xact_commit as commits, deadlocks from pg_stat_database where datname = $1',
    [database],
  );
  return { commits: Number(rows[0]?.commits ?? 0), deadlocks: Number(rows[0]?.deadlocks ?? 0) };
}

/** PostgreSQL's backend processes serving this database (the pools of the server's processes). */
async function backendPids(admin: pg.Client, database: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
  return rows.map((r) => r.pid);
}

type Run = {
  workers: number;
  rate: number;
  ok: number;
  errors: number;
  p50: number;
  serverMs: number;
  mainMs: number;
  commitsPerResponse: number;
  deadlocks: number;
  pgMs: number;
  generatorMs: number;
  machineBusy: number;
  load: string;
};

/** Sends responses from CONNECTIONS loops over keep-alive connections until `until`; counts the acknowledged ones. */
async function generate(base: string, path: string, headers: Record<string, string>, body: () => string, until: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const post = () =>
    new Promise<number>((resolve) => {
      const payload = body();
      const req = http.request(
        `${base}${path}`,
        { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(payload);
    });
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const status = await post();
        if (status >= 200 && status < 300) {
          ok++;
          latencies.push(performance.now() - t0);
        } else errors++;
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { ok, errors, p50: latencies[Math.floor(latencies.length / 2)] ?? 0 };
}

type Round = { token: string; instrument: ResolvedInstrument; payloads: Record<string, unknown>[] };

/** The load of one run: JSON submissions for SECONDS, or FORMS responses page by page; the acknowledged count. */
async function drive(base: string, round: Round, warmUp: boolean): Promise<{ ok: number; errors: number; p50: number }> {
  if (FORM_PATH) {
    const run = await fillForms(base, round.token, round.instrument, warmUp ? 30 : FORMS, CONNECTIONS);
    return { ok: run.completed, errors: run.failures.length, p50: 0 };
  }
  const headers = await csrfHeaders(base);
  const consent = await consentVersion(base, round.token);
  let i = 0;
  const body = () =>
    JSON.stringify({ responseId: randomUUID(), language: 'nl', consentVersion: consent, answers: round.payloads[i++ % round.payloads.length] });
  return generate(base, `/api/r/${round.token}/responses`, headers, body, Date.now() + (warmUp ? WARMUP_SECONDS : SECONDS) * 1000);
}

async function runOnce(url: string, database: string, round: Round, workers: number): Promise<Run> {
  const port = await freePort();
  const server = await startProcess(
    deployedApp(),
    { DATABASE_URL: url, WORKERS: String(workers), NODE_ENV: 'production', PORT: String(port), RESPONDENT_RATE_LIMIT: '100000000' },
    `http://127.0.0.1:${port}/readyz`,
  );
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const base = `http://127.0.0.1:${port}`;
    await drive(base, round, true);
    const pids = processTree(server.pid);
    const backends = await backendPids(admin, database);
    const stats0 = await databaseStats(admin, database);
    const [server0, main0, pg0, generator0, machine0, t0] = [
      cpuOfProcesses(pids),
      mainCpuOf(pids),
      cpuOfProcesses(backends),
      process.cpuUsage(),
      machineCpu(),
      performance.now(),
    ];
    const result = await drive(base, round, false);
    const seconds = (performance.now() - t0) / 1000;
    const generator = process.cpuUsage(generator0);
    const machine = machineCpu();
    // Backends opened during the run count from zero.
    const pgMs = cpuOfProcesses(await backendPids(admin, database)) - pg0;
    // The statistics reach pg_stat_database when each backend reports them (about once a second).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stats = await databaseStats(admin, database);
    const perResponse = (ms: number) => ms / Math.max(1, result.ok);
    return {
      workers,
      rate: result.ok / seconds,
      ok: result.ok,
      errors: result.errors,
      p50: result.p50,
      serverMs: perResponse(cpuOfProcesses(pids) - server0),
      mainMs: perResponse(mainCpuOf(pids) - main0),
      commitsPerResponse: perResponse(stats.commits - stats0.commits),
      deadlocks: stats.deadlocks - stats0.deadlocks,
      pgMs: perResponse(pgMs),
      generatorMs: perResponse((generator.user + generator.system) / 1000),
      machineBusy: (machine.busy - machine0.busy) / (machine.total - machine0.total),
      load: load(),
    };
  } finally {
    await admin.end();
    await server.stop();
  }
}

async function main() {
  console.error(
    `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}; ${FORM_PATH ? `the form page by page, ${FORMS} responses` : `JSON submissions, ${SECONDS} s`} per run, ${CONNECTIONS} at once; load ${load()}`,
  );
  buildServerBundle();
  const name = `kb_bench_workers_${process.pid}`;
  const runs = await withPgDatabase(name, async (url) => {
    const { token, instrument } = await setupRound(loadConfig({ DATABASE_URL: url }));
    const pick = seededPick(1);
    const round: Round = { token, instrument, payloads: Array.from({ length: 200 }, () => sampleAnswers(instrument, pick)) };
    const done: Run[] = [];
    for (let repeat = 0; repeat < ROUNDS; repeat++) {
      for (const workers of [1, 2]) {
        const run = await runOnce(url, name, round, workers);
        console.error(JSON.stringify(run));
        done.push(run);
      }
    }
    return done;
  });
  if (!runs) return;
  const lines = [
    '| WORKERS | responses/s | ratio to WORKERS=1 (same round) | p50 ms | server CPU ms per response (main threads) | PostgreSQL CPU ms per response | transactions per response | deadlocks | load generator CPU ms per response | machine busy | load average |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [index, run] of runs.entries()) {
    const one = run.workers === 1 ? run : runs[index - 1];
    lines.push(
      `| ${run.workers} | ${run.rate.toFixed(0)} (${run.ok} ok, ${run.errors} errors) | ${one ? (run.rate / one.rate).toFixed(2) : '–'}× | ${run.p50.toFixed(0)} | ${run.serverMs.toFixed(1)} (${run.mainMs.toFixed(1)}) | ${run.pgMs.toFixed(1)} | ${run.commitsPerResponse.toFixed(3)} | ${run.deadlocks} | ${run.generatorMs.toFixed(1)} | ${(run.machineBusy * 100).toFixed(0)} % | ${run.load} |`,
    );
  }
  console.log(lines.join('\n'));
}

await main();
