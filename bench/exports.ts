/**
 * Exports of a large round: N synthetic complete responses to Cocreatie in beeld (default 100,000,
 * the generator of bench/analysis.ts) on SQLite, exported to every format with researcher rights
 * (as `kruisbestuiving export` does), each in its own process so its peak memory (maxRSS) is its own.
 * Baselines in the same run, on the same rows: iterating the rows with a bare SELECT (better-sqlite3,
 * nothing written), and streaming them to a CSV file with no labels (long format, one line per answer row),
 * once through an async generator and a file stream (the bare streaming writer of issue 17) and once
 * with synchronous writes (bare-csv-sync, a lower floor: on 2026-12-07 the stream cost 1.16× its CPU
 * at 100,000 responses and the same at 20,000).
 *
 * Run: npm run bench:exports
 *   BENCH_RESPONSES=5000   fewer responses
 *   BENCH_REUSE=1          keep the generated database in /tmp/kb-bench-exports and reuse it (same N)
 *   BENCH_DIR=…            with BENCH_REUSE, keep it there instead
 *
 * CPU time is the whole process (every thread); "of which main thread" is the main thread's own
 * (the export itself runs in a worker thread since 2026-12-06, see docs/exports.md).
 *
 * Measured 2026-12-06 at 100,000 responses (3,060,865 answer rows) on a shared 2-core machine (load
 * 13–35), CPU time as a ratio to the bare CSV: sav 1.38–1.43×, xlsx 2.13–2.25×, csv (zip) 1.68–1.79×,
 * json 1.37–1.48×, r 1.69–1.71×, about 1 s of each on the main thread. See bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { openRuntime } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { ExportFormat } from '../src/modules/exports/model.ts';
import { exportForCli } from '../src/modules/exports/service.ts';
import { publishedInstruments } from '../src/modules/rounds/instrument-source.ts';
import { type GeneratedRound, generateRound } from './lib/generate-rounds.ts';
import { isEntry, ROOT } from './lib/processes.ts';

const N = Number(process.env.BENCH_RESPONSES ?? 100_000);
const REUSE = process.env.BENCH_REUSE === '1';
const REUSE_DIR = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'kb-bench-exports');
const ROUND_KEY = 'benchmark';

export type Measure = { name: string; ms: number; cpuMs: number; mainCpuMs: number; peakMiB: number; bytes: number };
export const KINDS = ['select', 'bare-csv', 'bare-csv-sync', 'sav', 'xlsx', 'csv', 'json', 'r'] as const;
export type Kind = (typeof KINDS)[number];

const peakMiB = () => process.resourceUsage().maxRSS / 1024;
/** A row as a line of the bare writers' CSV (no quoting: the baseline's floor, not a format). */
const csvLine = (row: unknown[]) => `${row.map((v) => (v === null ? '' : String(v))).join(',')}\n`;

/** CPU time of this process's main thread alone (Linux: /proc/self/task/<pid>/stat, in clock ticks of 10 ms). */
function mainThreadCpuMs(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** One measurement inside a child process; prints its result as JSON on stdout. */
async function child(kind: Kind, dir: string): Promise<void> {
  const out = path.join(dir, `export-${kind}`);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  let bytes = 0;
  if (kind === 'select' || kind === 'bare-csv' || kind === 'bare-csv-sync') {
    const db = new Database(path.join(dir, 'kruisbestuiving.sqlite'), { readonly: true });
    const round = db.prepare('select id from rounds where key = ?').get(ROUND_KEY) as { id: string };
    const rows = db
      .prepare(
        `select a.response_id, a.question, a.item, a.option, a.number_value, a.text_value from responses r join answers a on a.response_id = r.id
         where r.round_id = ? and r.status = 'complete' order by r.id`,
      )
      .raw()
      .iterate(round.id) as IterableIterator<unknown[]>;
    if (kind === 'select') {
      for (const row of rows) bytes += row.length;
    } else if (kind === 'bare-csv-sync') {
      // The same lines written with plain synchronous writes: no stream, no async generator (a lower floor).
      const fd = fs.openSync(out, 'w');
      let batch: string[] = [];
      for (const row of rows) {
        batch.push(csvLine(row));
        if (batch.length === 5000) {
          fs.writeSync(fd, batch.join(''));
          batch = [];
        }
      }
      fs.writeSync(fd, batch.join(''));
      fs.closeSync(fd);
      bytes = fs.statSync(out).size;
    } else {
      const file = fs.createWriteStream(out);
      await pipeline(
        (async function* () {
          let batch: string[] = [];
          for (const row of rows) {
            batch.push(csvLine(row));
            if (batch.length === 5000) {
              yield batch.join('');
              batch = [];
            }
          }
          yield batch.join('');
        })(),
        file,
      );
      bytes = fs.statSync(out).size;
    }
    db.close();
  } else {
    const runtime = await openRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' }));
    try {
      const file = await exportForCli(runtime.ctx, publishedInstruments, ROUND_KEY, {
        format: kind as ExportFormat,
        lang: 'nl',
        tablesOnly: false,
        dutchExcel: false,
      });
      await pipeline(file.body, fs.createWriteStream(out));
      bytes = fs.statSync(out).size;
    } finally {
      await runtime.database.close();
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const mainCpuMs = mainThreadCpuMs() - main0;
  fs.rmSync(out, { force: true });
  process.stdout.write(`${JSON.stringify({ name: kind, ms, cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs, peakMiB: peakMiB(), bytes })}\n`);
}

export function measure(kind: Kind, dir: string): Measure {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/exports.ts', '--child', kind, dir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${kind} failed (exit ${result.status})`);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Measure;
}

async function main(): Promise<void> {
  const dir = REUSE ? REUSE_DIR : fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-exports-'));
  fs.mkdirSync(dir, { recursive: true });
  try {
    const meta = path.join(dir, 'meta.json');
    let round: GeneratedRound;
    if (REUSE && fs.existsSync(meta) && (JSON.parse(fs.readFileSync(meta, 'utf8')) as GeneratedRound).responses === N) {
      round = JSON.parse(fs.readFileSync(meta, 'utf8')) as GeneratedRound;
      console.error(`Reusing ${N.toLocaleString('en')} responses in ${dir}`);
    } else {
      for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
      console.error(`Generating ${N.toLocaleString('en')} responses on SQLite`);
      let last = 0;
      round = await generateRound(loadConfig({ DATA_DIR: dir }), {
        responses: N,
        csvDir: path.join(dir, 'csv'),
        onProgress: (done, total) => {
          if (done === total || performance.now() - last > 5000) {
            last = performance.now();
            console.error(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
          }
        },
      });
      fs.rmSync(path.join(dir, 'csv'), { recursive: true, force: true });
      fs.writeFileSync(meta, JSON.stringify(round));
    }
    // One untimed pass first, so every measurement reads the database from a warm page cache.
    console.error('Warming up (one untimed SELECT pass) …');
    measure('select', dir);
    const results: Measure[] = [];
    for (const kind of KINDS) {
      console.error(`Measuring ${kind} …`);
      results.push(measure(kind, dir));
      const r = results.at(-1) as Measure;
      console.error(
        `  ${(r.ms / 1000).toFixed(1)} s (CPU ${(r.cpuMs / 1000).toFixed(1)} s, main thread ${(r.mainCpuMs / 1000).toFixed(1)} s), peak ${r.peakMiB.toFixed(0)} MiB, ${(r.bytes / 1e6).toFixed(1)} MB`,
      );
    }
    const baseline = results.find((r) => r.name === 'bare-csv') as Measure;
    const sync = results.find((r) => r.name === 'bare-csv-sync') as Measure;
    const select = results.find((r) => r.name === 'select') as Measure;
    console.log(`\n${N.toLocaleString('en')} responses, ${round.answerRows.toLocaleString('en')} answer rows, SQLite\n`);
    // CPU time (user + system) is the steadier measure on a shared machine; wall time is shown too.
    console.log(
      '| export | wall time | CPU time | of which main thread | CPU ratio to bare CSV | CPU ratio to synchronous bare CSV | CPU ratio to SELECT only | peak RSS | RSS ratio to bare CSV | file size |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results)
      console.log(
        `| ${r.name} | ${(r.ms / 1000).toFixed(1)} s | ${(r.cpuMs / 1000).toFixed(1)} s | ${(r.mainCpuMs / 1000).toFixed(1)} s | ${(r.cpuMs / baseline.cpuMs).toFixed(2)}× | ${(r.cpuMs / sync.cpuMs).toFixed(2)}× | ${(r.cpuMs / select.cpuMs).toFixed(2)}× | ${r.peakMiB.toFixed(0)} MiB | ${(r.peakMiB / baseline.peakMiB).toFixed(2)}× | ${r.name === 'select' ? '–' : `${(r.bytes / 1e6).toFixed(1)} MB`} |`,
      );
  } finally {
    if (!REUSE) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0) await child(process.argv[childAt + 1] as Kind, process.argv[childAt + 2] ?? '');
else if (isEntry(import.meta.url)) await main();
