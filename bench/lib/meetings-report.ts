/**
 * The tables of the meetings benchmark (bench/meetings.ts): one per round (the baseline and the app
 * measured one after the other), and with --repeat the medians over the rounds. Throughput on a
 * shared machine says mostly how much of a core each server got at that moment; the server's own
 * CPU per answer (utime + stime of the server process while answering, as process.cpuUsage() counts
 * it) says what an answer costs, and changes far less with the load.
 */
import os from 'node:os';

export type Result = {
  label: string;
  /** Answers per second: N ÷ (first answer sent → presenter shows N). */
  rate: number;
  p50: number;
  p99: number;
  kibPerParticipant: number;
  cpuPercent: number;
  /** Server CPU (all its processes) from the first answer sent until the presenter showed N. */
  answerCpuSeconds: number;
  /** PostgreSQL: CPU of the database's backends over the same time (not in the server CPU); NaN otherwise. */
  databaseCpuSeconds: number;
  cpuSeconds: number;
  clientCpuPercent: number;
  errors: number;
  answers: number;
};

const shown = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
/** Answers per second of server CPU: the inverse of the CPU one answer costs. */
export const perCpuSecond = (r: Result) => r.answers / r.answerCpuSeconds;
const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

export function printRound(heading: string, results: Result[], bare: Result): void {
  console.log(`\n${heading}, ${os.cpus().length} cores, Node ${process.versions.node}, load average ${load()}\n`);
  console.log(
    '| server | answers/s | ratio to baseline | server CPU ms per 1,000 answers | answers per server CPU-second | ratio per CPU-second | PostgreSQL backends CPU ms per 1,000 answers | answer → presenter p50 ms | p99 ms | RSS growth per participant KiB | server CPU while answering | bench client CPU while answering | server CPU s (join + answer) | errors |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of [bare, ...results]) {
    console.log(
      `| ${r.label} | ${shown(r.rate)} | ${shown(r.rate / bare.rate, 2)}× | ${shown((1000 * r.answerCpuSeconds * 1000) / r.answers)} | ${shown(perCpuSecond(r))} | ${shown(perCpuSecond(r) / perCpuSecond(bare), 2)}× | ${shown((1000 * r.databaseCpuSeconds * 1000) / r.answers)} | ${shown(r.p50)} | ${shown(r.p99)} | ${shown(r.kibPerParticipant, 1)} | ${shown(r.cpuPercent)} % | ${shown(r.clientCpuPercent)} % | ${shown(r.cpuSeconds, 1)} | ${r.errors} |`,
    );
  }
}

/** Medians over rounds; each ratio is taken within its round (baseline and app one after the other), then the median of those. */
export function printMedians(heading: string, rounds: { bare: Result; ours: Result[] }[]): void {
  console.log(`\n${heading}: medians of ${rounds.length} rounds (baseline, app, baseline, app, …), load average ${load()}\n`);
  console.log(
    '| server | answers/s | ratio to baseline (median of rounds) | ratios per round | answers per server CPU-second | ratio per CPU-second | PostgreSQL backends CPU ms per 1,000 answers | p50 ms | p99 ms | RSS per participant KiB | errors |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const bares = rounds.map((r) => r.bare);
  const row = (label: string, results: Result[], ratios: number[], cpuRatios: number[]) =>
    console.log(
      `| ${label} | ${shown(median(results.map((r) => r.rate)))} | ${shown(median(ratios), 2)}× | ${ratios.map((x) => shown(x, 2)).join(', ')} | ${shown(median(results.map(perCpuSecond)))} | ${shown(median(cpuRatios), 2)}× | ${shown(median(results.map((r) => (1000 * r.databaseCpuSeconds * 1000) / r.answers)))} | ${shown(median(results.map((r) => r.p50)))} | ${shown(median(results.map((r) => r.p99)))} | ${shown(median(results.map((r) => r.kibPerParticipant)), 1)} | ${results.reduce((n, r) => n + r.errors, 0)} |`,
    );
  row(
    bares[0]?.label ?? 'baseline',
    bares,
    bares.map(() => 1),
    bares.map(() => 1),
  );
  const ways = rounds[0]?.ours.length ?? 0;
  for (let j = 0; j < ways; j++) {
    const ours = rounds.map((r) => r.ours[j] as Result);
    row(
      ours[0]?.label ?? '',
      ours,
      rounds.map((r) => (r.ours[j] as Result).rate / r.bare.rate),
      rounds.map((r) => perCpuSecond(r.ours[j] as Result) / perCpuSecond(r.bare)),
    );
  }
}
