/**
 * Every row of the performance table (issue 17), each as a ratio against a baseline measured in the
 * same run, in the same process tree, minutes apart at most:
 *
 * - server memory idle (RSS after start) and at 30 respondents filling the form (peak RSS), against a
 *   bare node:http process idle and a bare node:http + SQLite server under 30 concurrent submissions;
 * - server CPU per complete response, the form filled page by page (19 requests), against the bare
 *   server's CPU per stored JSON submission of the same rows;
 * - JSON submissions against a bare node:http + driver (SQLite, PostgreSQL), and both cores: PostgreSQL
 *   with WORKERS=2 against WORKERS=1 (bench/submissions.ts);
 * - the report of a large round, full and with one answer filter, against DuckDB over the same rows
 *   (bench/analysis.ts);
 * - exports against a bare streaming CSV writer of the same rows, CPU time and peak memory (bench/exports.ts).
 *
 * Run: npm run bench            (full size: about 10 minutes on a quiet 2-core machine)
 *      npm run bench -- --quick (a smoke run: small sizes, about 3 minutes)
 * Sizes: BENCH_SUBMISSIONS, BENCH_FORMS (complete responses page by page), BENCH_RESPONSES (the large round
 * of the reports), BENCH_EXPORT_RESPONSES (the round of the exports, 100,000 by default as in the issue).
 * Traffic stays on 127.0.0.1 and every loop is bounded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { type GeneratedRound, generateRound } from './lib/generate-rounds.ts';
import { withPgDatabase } from './lib/pg-database.ts';
import { bareIdleMiB, buildServerBundle, freePort } from './lib/processes.ts';

const QUICK = process.argv.includes('--quick');
const SIZE = {
  submissions: Number(process.env.BENCH_SUBMISSIONS ?? (QUICK ? 300 : 2000)),
  forms: Number(process.env.BENCH_FORMS ?? (QUICK ? 60 : 150)),
  responses: Number(process.env.BENCH_RESPONSES ?? (QUICK ? 2000 : 20_000)),
  // The export row is at 100,000 responses: at 20,000 a process's fixed costs (start, the
  // worker, the export order) weigh against a baseline that has none of them.
  exportResponses: Number(process.env.BENCH_EXPORT_RESPONSES ?? (QUICK ? 2000 : 100_000)),
};
const RESPONDENTS = 30;
// The other benchmarks read their sizes when loaded.
process.env.BENCH_SUBMISSIONS = String(SIZE.submissions);
process.env.BENCH_CONNECTIONS = String(RESPONDENTS);
process.env.BENCH_RESPONSES = String(SIZE.responses);
// Baseline and platform alternate over rounds (bench/submissions.ts); one round in a quick run.
process.env.BENCH_ROUNDS ??= QUICK ? '1' : '3';
process.env.BENCH_WARMUP ??= QUICK ? '60' : '300';
// The row is read against the first baseline; the second (the platform's tables) is for
// `npm run bench:submissions`, and would add three runs per database here.
process.env.BENCH_BARE ??= 'plain';
const { runSubmissions } = await import('./submissions.ts');
const { prepare, timeDuckDb, timeServer } = await import('./analysis.ts');
const { measure } = await import('./exports.ts');
const { formRun } = await import('./form.ts');
const FORM_SIZES = { forms: SIZE.forms, warmup: QUICK ? 10 : 30, respondents: RESPONDENTS };

type Row = { what: string; measured: string; baseline: string; ratio: number; aim: string };
const rows: Row[] = [];
const loads: string[] = [];
const noteLoad = (section: string) =>
  loads.push(
    `${section}: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  );
const x = (ratio: number) => `${ratio.toFixed(2)}×`;

async function main() {
  const started = performance.now();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
  console.error(`${machine}\nsizes: ${JSON.stringify(SIZE)}${QUICK ? ' (--quick)' : ''}`);
  noteLoad('start');

  // 1. Memory and CPU per complete response, the server run as `npm start` runs it (the bundle, the deployed Node flags).
  buildServerBundle();
  const bareMiB = await bareIdleMiB();
  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-run-'));
  const formSqlite = await formRun('form on SQLite', { DATA_DIR: sqliteDir }, FORM_SIZES);
  fs.rmSync(sqliteDir, { recursive: true, force: true });
  const formPg = await withPgDatabase(`kb_bench_run_${process.pid}`, (url) => formRun('form on PostgreSQL', { DATABASE_URL: url }, FORM_SIZES));
  noteLoad('after the form runs');

  // 2. JSON submissions against bare drivers; WORKERS=2 against WORKERS=1.
  const submissions = await runSubmissions();
  const find = (start: string) => submissions.find((r) => r.label.startsWith(start));
  const bareSqlite = find('bare node:http + SQLite');
  const platformSqlite = find('Kruisbestuiving on SQLite');
  const barePg = find('bare node:http + pg');
  const pg1 = find('Kruisbestuiving on PostgreSQL (group commit, WORKERS=1)');
  const pg2 = find('Kruisbestuiving on PostgreSQL (group commit, WORKERS=2)');
  noteLoad('after the submissions');

  if (bareSqlite) {
    rows.push({
      what: 'server memory, idle (RSS 3 s after start, SQLite)',
      measured: `${formSqlite.idleMiB.toFixed(0)} MiB (${formSqlite.warmMiB.toFixed(0)} after 10 responses)`,
      baseline: `bare node:http idle ${bareMiB.toFixed(0)} MiB`,
      ratio: formSqlite.idleMiB / bareMiB,
      aim: '< 100 MiB',
    });
    rows.push({
      what: `server memory at ${RESPONDENTS} respondents filling the form (peak RSS, SQLite)`,
      measured: `${formSqlite.peakMiB.toFixed(0)} MiB`,
      baseline: `bare node:http + SQLite at ${RESPONDENTS} submitting ${bareSqlite.peakMiB.toFixed(0)} MiB`,
      ratio: formSqlite.peakMiB / bareSqlite.peakMiB,
      aim: '< 200 MiB',
    });
    if (formPg)
      rows.push({
        what: `server memory at ${RESPONDENTS} respondents filling the form (peak RSS, PostgreSQL)`,
        measured: `${formPg.peakMiB.toFixed(0)} MiB`,
        baseline: `bare node:http + SQLite at ${RESPONDENTS} submitting ${bareSqlite.peakMiB.toFixed(0)} MiB`,
        ratio: formPg.peakMiB / bareSqlite.peakMiB,
        aim: '< 200 MiB',
      });
  }
  if (pg1 && pg2)
    rows.push({
      what: 'both cores: JSON submissions/s on PostgreSQL, WORKERS=2',
      measured: `${pg2.rate.toFixed(0)}/s`,
      baseline: `WORKERS=1 ${pg1.rate.toFixed(0)}/s`,
      ratio: pg2.rate / pg1.rate,
      aim: '≥ 1.6×',
    });
  if (bareSqlite && platformSqlite)
    rows.push({
      what: 'JSON submissions/s, SQLite',
      measured: `${platformSqlite.rate.toFixed(0)}/s (stored ${platformSqlite.stored} of ${platformSqlite.ok} acknowledged)`,
      baseline: `bare node:http + better-sqlite3 ${bareSqlite.rate.toFixed(0)}/s`,
      ratio: platformSqlite.ratio ?? platformSqlite.rate / bareSqlite.rate,
      aim: '≥ 1.0×',
    });
  if (barePg && pg1)
    rows.push({
      what: 'JSON submissions/s, PostgreSQL (WORKERS=1)',
      measured: `${pg1.rate.toFixed(0)}/s (stored ${pg1.stored} of ${pg1.ok} acknowledged)`,
      baseline: `bare node:http + pg ${barePg.rate.toFixed(0)}/s`,
      ratio: pg1.ratio ?? pg1.rate / barePg.rate,
      aim: '≥ 1.0×',
    });
  for (const [label, form, baseline] of [
    ['SQLite', formSqlite, bareSqlite],
    ['PostgreSQL', formPg, barePg],
  ] as const) {
    if (!form || !baseline) continue;
    const bareCpu = baseline.cpuMs / baseline.ok;
    rows.push({
      what: `server CPU per complete response, form page by page (${form.requestsPerResponse.toFixed(0)} requests), ${label}`,
      measured: `${form.cpuPerResponse.toFixed(1)} ms (main thread ${form.mainPerResponse.toFixed(1)} ms)`,
      baseline: `${baseline.label.replace(' (baseline)', '')}: ${bareCpu.toFixed(2)} ms per JSON submission`,
      ratio: form.cpuPerResponse / bareCpu,
      aim: '< 8 ms',
    });
  }

  // 3. The report of a large round against DuckDB over the same rows; 4. exports on the same SQLite rows.
  const roundDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-run-round-'));
  try {
    const round = await prepare('SQLite', loadConfig({ DATA_DIR: roundDir }), roundDir, async () => {});
    const duck = await timeDuckDb(round);
    const sqliteReport = await timeServer('SQLite', { DATA_DIR: roundDir }, round, await freePort());
    const pgReport = await withPgDatabase(`kb_bench_run_report_${process.pid}`, async (url) => {
      const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-run-pg-'));
      try {
        const pgRound = await prepare('PostgreSQL', loadConfig({ DATABASE_URL: url }), pgDir, async () => {});
        return await timeServer('PostgreSQL', { DATABASE_URL: url }, pgRound, await freePort());
      } finally {
        fs.rmSync(pgDir, { recursive: true, force: true });
      }
    });
    noteLoad('after the reports');
    const size = `${round.responses.toLocaleString('en')} responses, ${round.answerRows.toLocaleString('en')} answer rows`;
    for (const report of [sqliteReport, pgReport]) {
      if (!report) continue;
      rows.push({
        what: `report of a round (${size}), ${report.store}, no filter`,
        measured: `${report.medianMs.toFixed(0)} ms`,
        baseline: `DuckDB ${duck.medianMs.toFixed(0)} ms`,
        ratio: report.medianMs / duck.medianMs,
        aim: '≤ 3×',
      });
      rows.push({
        what: `report of a round (${size}), ${report.store}, one answer filter`,
        measured: `${report.filteredMs?.toFixed(0)} ms`,
        baseline: `DuckDB ${duck.filteredMs?.toFixed(0)} ms`,
        ratio: (report.filteredMs ?? Number.NaN) / (duck.filteredMs ?? Number.NaN),
        aim: '≤ 3×',
      });
    }

    await measureExports(round, roundDir);
  } finally {
    fs.rmSync(roundDir, { recursive: true, force: true });
  }

  console.log(`\n${machine}`);
  console.log(`sizes: ${JSON.stringify(SIZE)}${QUICK ? ' (--quick)' : ''}; ${((performance.now() - started) / 60_000).toFixed(1)} minutes`);
  console.log(`load average (1 / 5 / 15 min): ${loads.join('; ')}\n`);
  console.log('| what | measured | baseline (same run) | ratio | aim |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.what} | ${r.measured} | ${r.baseline} | ${x(r.ratio)} | ${r.aim} |`);
}

/** 4. Exports of a round of SIZE.exportResponses (the reports' round when it has that size) against two bare CSV writers. */
async function measureExports(reportRound: GeneratedRound, reportDir: string): Promise<void> {
  const own = reportRound.responses !== SIZE.exportResponses;
  const dir = own ? fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-run-exports-')) : reportDir;
  try {
    const round = own ? await generateRound(loadConfig({ DATA_DIR: dir }), { responses: SIZE.exportResponses, csvDir: path.join(dir, 'csv') }) : reportRound;
    const size = `${round.responses.toLocaleString('en')} responses, ${round.answerRows.toLocaleString('en')} answer rows`;
    measure('select', dir); // untimed: warms the page cache
    const bareCsv = measure('bare-csv', dir);
    const syncCsv = measure('bare-csv-sync', dir);
    console.error(
      `bare CSV: CPU ${(bareCsv.cpuMs / 1000).toFixed(1)} s (synchronous writes ${(syncCsv.cpuMs / 1000).toFixed(1)} s), peak ${bareCsv.peakMiB.toFixed(0)} MiB`,
    );
    for (const kind of ['sav', 'xlsx', 'csv', 'json', 'r'] as const) {
      const m = measure(kind, dir);
      console.error(`${kind}: CPU ${(m.cpuMs / 1000).toFixed(1)} s, peak ${m.peakMiB.toFixed(0)} MiB`);
      rows.push({
        what: `export ${kind} (${size}, SQLite), CPU time; peak RSS`,
        measured: `${(m.cpuMs / 1000).toFixed(1)} s (${x(m.cpuMs / syncCsv.cpuMs)} the synchronous writer's); ${m.peakMiB.toFixed(0)} MiB (${x(m.peakMiB / bareCsv.peakMiB)})`,
        baseline: `bare streaming CSV writer ${(bareCsv.cpuMs / 1000).toFixed(1)} s; ${bareCsv.peakMiB.toFixed(0)} MiB`,
        ratio: m.cpuMs / bareCsv.cpuMs,
        aim: kind === 'xlsx' ? '≤ 3×' : '≤ 2×',
      });
    }
    noteLoad('after the exports');
  } finally {
    if (own) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
