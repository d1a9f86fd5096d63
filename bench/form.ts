/**
 * Server CPU per complete response of the respondent form, filled page by page as a browser without
 * JavaScript does (19 requests for the experience workers' form), on SQLite and PostgreSQL. CPU time
 * is read from /proc of the server process only (the load generator runs in this process), per
 * thread: the main (JavaScript) thread apart from V8's compiler and garbage-collector threads and
 * libuv's pool. Warm-up responses are not counted. Beside it, the bare node:http + driver servers'
 * CPU per stored JSON submission of the same rows, measured in the same run.
 * Run: npm run bench:form   (BENCH_FORMS responses after BENCH_FORM_WARMUP warm-up ones; BENCH_PROFILE=1 writes a CPU profile;
 * BENCH_SKIP_SQLITE=1 or BENCH_SKIP_PG=1 leaves one database out)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { fillForms } from './lib/fill-forms.ts';
import { withPgDatabase } from './lib/pg-database.ts';
import { buildServerBundle, cpuByThread, DEPLOYED_NODE_ARGS, freePort, isEntry, peakRssMiB, ROOT, rssMiB, startProcess } from './lib/processes.ts';
import { setupRound } from './lib/setup-round.ts';

const FORMS = Number(process.env.BENCH_FORMS ?? 150);
const WARMUP = Number(process.env.BENCH_FORM_WARMUP ?? 30);
const RESPONDENTS = Number(process.env.BENCH_CONNECTIONS ?? 30);

export type FormResult = {
  label: string;
  responses: number;
  requestsPerResponse: number;
  cpuPerResponse: number;
  /** Of which in the kernel (system time: sockets, disk). */
  systemPerResponse: number;
  mainPerResponse: number;
  perSecond: number;
  idleMiB: number;
  warmMiB: number;
  peakMiB: number;
};

/** The platform with an open round: `warmup` responses (not counted), then `forms` responses page by page. */
export async function formRun(
  label: string,
  env: Record<string, string>,
  sizes = { forms: FORMS, warmup: WARMUP, respondents: RESPONDENTS },
): Promise<FormResult> {
  const config = loadConfig(env);
  const { token, instrument } = await setupRound(config);
  const port = await freePort();
  const profileDir = path.join(os.tmpdir(), 'kb-profiles');
  const profile = [
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    // BENCH_PERF=1: `perf record` of the server over the measured responses (every thread, the kernel's part too).
    ...(process.env.BENCH_PERF ? ['--perf-basic-prof-only-functions'] : []),
  ];
  const server = await startProcess(
    // BENCH_APP_ROOT: the server of another checkout (an earlier commit), measured beside this one in the same run.
    // BENCH_NODE_FLAGS: other Node flags than npm start's, separated by spaces (to weigh a flag's CPU against its memory).
    [
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? DEPLOYED_NODE_ARGS),
      ...profile,
      path.join(process.env.BENCH_APP_ROOT ?? ROOT, 'bin/kruisbestuiving.js'),
      'start',
    ],
    { ...env, NODE_ENV: 'production', PORT: String(port), RESPONDENT_RATE_LIMIT: '100000000' },
    `http://127.0.0.1:${port}/readyz`,
  );
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const idleMiB = rssMiB(server.pid);
    const base = `http://127.0.0.1:${port}`;
    const warm = await fillForms(base, token, instrument, sizes.warmup, Math.min(sizes.respondents, sizes.warmup));
    const warmMiB = rssMiB(server.pid);
    const perf = process.env.BENCH_PERF ? startPerf(server.pid, path.join(profileDir, `perf-${label.replaceAll(' ', '-')}.data`)) : undefined;
    const before = cpuByThread(server.pid);
    const run = await fillForms(base, token, instrument, sizes.forms, sizes.respondents);
    const after = cpuByThread(server.pid);
    await perf?.();
    const threads = [...after.byName].map(([name, ms]) => `${name} ${((ms - (before.byName.get(name) ?? 0)) / run.completed).toFixed(1)}`).join(', ');
    const failures = [...warm.failures, ...run.failures];
    if (failures.length) throw new Error(`${label}: ${failures.slice(0, 3).join('; ')}`);
    const result: FormResult = {
      label,
      responses: run.completed,
      requestsPerResponse: run.requests / run.completed,
      cpuPerResponse: (after.total - before.total) / run.completed,
      systemPerResponse: (after.system - before.system) / run.completed,
      mainPerResponse: (after.main - before.main) / run.completed,
      perSecond: run.completed / run.seconds,
      idleMiB,
      warmMiB,
      peakMiB: peakRssMiB(server.pid),
    };
    console.error(
      `${label}: ${run.completed} responses after ${sizes.warmup} warm-up, ${result.cpuPerResponse.toFixed(1)} ms CPU each (main thread ${result.mainPerResponse.toFixed(1)} ms, kernel ${result.systemPerResponse.toFixed(1)} ms), ${result.perSecond.toFixed(1)}/s; ms per response by thread: ${threads}; RSS idle ${idleMiB.toFixed(0)} MiB, after warm-up ${warmMiB.toFixed(0)}, peak ${result.peakMiB.toFixed(0)}`,
    );
    return result;
  } finally {
    await server.stop();
  }
}

/** `perf record` of a running process until the returned function is called (perf must be installed). */
function startPerf(pid: number, file: string): () => Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const perf = spawn('perf', ['record', '-F', '999', '-g', '-p', String(pid), '-o', file], { stdio: 'ignore' });
  return () =>
    new Promise((resolve) => {
      perf.once('exit', () => resolve());
      perf.kill('SIGINT');
    });
}

async function main() {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
  console.error(`load average at start: ${load()}`);
  buildServerBundle();
  const results: FormResult[] = [];
  if (!process.env.BENCH_SKIP_SQLITE) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-form-'));
    try {
      results.push(await formRun('form on SQLite', { DATA_DIR: dir }));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const pgResult = process.env.BENCH_SKIP_PG
    ? undefined
    : await withPgDatabase(`kb_bench_form_${process.pid}`, (url) => formRun('form on PostgreSQL', { DATABASE_URL: url }));
  if (pgResult) results.push(pgResult);
  console.log(`\n${FORMS} complete responses after ${WARMUP} warm-up, ${RESPONDENTS} respondents at once; load average at the end ${load()}\n`);
  console.log('| server | requests per response | CPU ms per response (process) | of which main thread | of which kernel | responses/s |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.label} | ${r.requestsPerResponse.toFixed(0)} | ${r.cpuPerResponse.toFixed(1)} | ${r.mainPerResponse.toFixed(1)} | ${r.systemPerResponse.toFixed(1)} | ${r.perSecond.toFixed(1)} |`,
    );
}

if (isEntry(import.meta.url)) await main();
