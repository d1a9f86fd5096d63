/**
 * `npm run bench:memory`: the server's memory, run from the TypeScript sources (tsx) and from the bundle
 * of `npm run build` (scripts/build-server.js), with and without a smaller young generation
 * (`--max-semi-space-size`), against a bare node:http process in the same run:
 *
 * - idle: RSS 3 s after /healthz answers, on an empty SQLite database in a new DATA_DIR;
 * - at 30 respondents: peak RSS (VmHWM) while 30 respondents fill the form page by page (19 requests
 *   each), BENCH_FORMS complete responses in all, and the server's CPU time per complete response.
 *
 * BENCH_FORMS (default 60), BENCH_SEMI_SPACE (--max-semi-space-size values tried alone, in MiB; default none), BENCH_NODE_FLAGS
 * (more sets of Node flags for the bundle, separated by "|"; default: the flags `npm start` uses, and
 * those without --no-concurrent-recompilation), BENCH_REPEAT (idle starts per variant; default 2),
 * BENCH_SKIP_SOURCES=1 (leave out the sources through tsx), BENCH_SETTLED_SECONDS (a second idle reading
 * after V8's memory reducer has run, default 15; 0 leaves it out), BENCH_APP_ROOT (another checkout's
 * bin, its bundle built, for a before/after in one run). Builds dist/server first. SQLite only;
 * traffic stays on 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { fillForms } from './lib/fill-forms.ts';
import { bareIdleMiB, buildServerBundle, cpuMs, DEPLOYED_NODE_ARGS, freePort, peakRssMiB, ROOT, rssMiB, startProcess } from './lib/processes.ts';
import { setupRound } from './lib/setup-round.ts';

const FORMS = Number(process.env.BENCH_FORMS ?? 60);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 2);
const SEMI_SPACES = (process.env.BENCH_SEMI_SPACE ?? '').split(',').filter(Boolean);
const RESPONDENTS = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

type Variant = { label: string; nodeArgs: string[]; env: Record<string, string> };
const FLAG_SETS = (
  process.env.BENCH_NODE_FLAGS ?? [DEPLOYED_NODE_ARGS.join(' '), DEPLOYED_NODE_ARGS.filter((a) => a !== '--no-concurrent-recompilation').join(' ')].join('|')
)
  .split('|')
  .map((flags) => flags.split(' ').filter(Boolean));
const variants: Variant[] = [
  ...(process.env.BENCH_SKIP_SOURCES === '1' ? [] : [{ label: 'sources through tsx', nodeArgs: [], env: { KRUISBESTUIVING_FROM_SOURCE: '1' } }]),
  { label: 'bundle (dist/server)', nodeArgs: [], env: {} },
  ...SEMI_SPACES.map((mib) => ({ label: `bundle, --max-semi-space-size=${mib}`, nodeArgs: [`--max-semi-space-size=${mib}`], env: {} })),
  ...FLAG_SETS.map((flags) => ({ label: `bundle, ${flags.join(' ')}`, nodeArgs: flags, env: {} })),
];

/** BENCH_APP_ROOT: the bin of another checkout (an earlier commit, its bundle built), for a before/after in one run. */
const BIN = path.join(process.env.BENCH_APP_ROOT ?? ROOT, 'bin/kruisbestuiving.js');
/** A second reading once V8's memory reducer has run (about 9 s after start); 0 leaves it out. */
const SETTLED_SECONDS = Number(process.env.BENCH_SETTLED_SECONDS ?? 15);

/** RSS 3 s after /healthz answers, and SETTLED_SECONDS after it (undefined when that is 0). */
async function idleMiB(variant: Variant): Promise<{ idle: number; settled: number | undefined }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-memory-'));
  const port = await freePort();
  const server = await startProcess(
    [...variant.nodeArgs, BIN, 'start'],
    { ...variant.env, DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'production' },
    `http://127.0.0.1:${port}/healthz`,
  );
  try {
    await sleep(3000);
    const idle = rssMiB(server.pid);
    if (SETTLED_SECONDS <= 3) return { idle, settled: undefined };
    await sleep((SETTLED_SECONDS - 3) * 1000);
    return { idle, settled: rssMiB(server.pid) };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function underLoad(variant: Variant) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-memory-'));
  const env = { ...variant.env, DATA_DIR: dataDir, NODE_ENV: 'production', RESPONDENT_RATE_LIMIT: '100000000' };
  const { token, instrument } = await setupRound(loadConfig(env));
  const port = await freePort();
  const server = await startProcess([...variant.nodeArgs, BIN, 'start'], { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/readyz`);
  try {
    const cpu0 = cpuMs(server.pid);
    const run = await fillForms(`http://127.0.0.1:${port}`, token, instrument, FORMS, RESPONDENTS);
    if (run.failures.length) throw new Error(`${variant.label}: ${run.failures.slice(0, 3).join('; ')}`);
    return { peakMiB: peakRssMiB(server.pid), cpuPerResponse: (cpuMs(server.pid) - cpu0) / run.completed, completed: run.completed };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.error(`${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}; ${FORMS} responses, ${RESPONDENTS} at once; load ${load()}`);
  buildServerBundle();

  const bareMiB = await bareIdleMiB();
  console.error(`bare node:http idle: ${bareMiB.toFixed(0)} MiB`);

  const lines = [
    `| server | idle RSS MiB, 3 s after start (${SETTLED_SECONDS} s) | ratio to bare node:http | peak RSS MiB at 30 respondents | CPU ms per response | load average |`,
    '| --- | --- | --- | --- | --- | --- |',
  ];
  lines.push(`| bare node:http | ${bareMiB.toFixed(0)} | 1.00× | – | – | ${load()} |`);
  for (const variant of variants) {
    const idle: { idle: number; settled: number | undefined }[] = [];
    for (let i = 0; i < REPEAT; i++) idle.push(await idleMiB(variant));
    const loaded = FORMS > 0 ? await underLoad(variant) : undefined;
    const median = idle.map((m) => m.idle).sort((a, b) => a - b)[Math.floor((idle.length - 1) / 2)] ?? 0;
    const readings = idle.map((m) => `${m.idle.toFixed(0)}${m.settled === undefined ? '' : ` (${m.settled.toFixed(0)})`}`).join(', ');
    const line = `| ${variant.label} | ${readings} | ${(median / bareMiB).toFixed(2)}× | ${loaded ? loaded.peakMiB.toFixed(0) : '–'} | ${loaded ? loaded.cpuPerResponse.toFixed(1) : '–'} | ${load()} |`;
    console.error(line);
    lines.push(line);
  }
  console.log(lines.join('\n'));
}

await main();
