import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * How `npm start` and the systemd unit run Node: a smaller young generation, optimized code
 * compiled on the main thread instead of a helper thread (docs/performance.md, Memory), and a full
 * collection before the old generation doubles (docs/performance.md, "The peak on PostgreSQL").
 */
export const DEPLOYED_NODE_ARGS = ['--max-semi-space-size=1', '--no-concurrent-recompilation', '--heap-growing-percent=100'];

/** Builds dist/server (`npm run build`'s server half), so the bin runs the bundle as it does after `npm start`. */
export const buildServerBundle = () => execFileSync(process.execPath, ['scripts/build-server.js'], { cwd: ROOT, stdio: 'inherit' });

/**
 * The app's command line as `npm start` runs it: the deployed Node flags (`nodeArgs`, such as a
 * profiler's, come after them) and the bin, which runs the bundle when buildServerBundle made a
 * current one. Without a current bundle the bin compiles the sources at start (tsx), which is not
 * what a deployment runs: each benchmark that starts the app builds the bundle first.
 */
export const deployedApp = (nodeArgs: string[] = []) => [...deployedNodeArgs(), ...nodeArgs, 'bin/kruisbestuiving.js', 'start'];

/** DEPLOYED_NODE_ARGS, or BENCH_NODE_FLAGS (other flags, separated by spaces) to weigh a flag's CPU against its memory. */
export const deployedNodeArgs = (): string[] => process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? DEPLOYED_NODE_ARGS;

export type Running = { child: ChildProcess; pid: number; startedMs: number; stop: () => Promise<void> };

export async function waitFor(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer in time`);
}

/** Starts a Node process and waits until readyUrl answers; stop() ends it and waits for the exit. */
export async function startProcess(args: string[], env: Record<string, string>, readyUrl: string): Promise<Running> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    // A busy shared machine can take long to start several processes (each compiles the sources).
    await waitFor(readyUrl, Date.now() + Number(process.env.BENCH_START_SECONDS ?? 180) * 1000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    child,
    pid: child.pid ?? 0,
    startedMs: performance.now() - t0,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Peak resident memory of a running process (VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time (user + system) a running process has used so far, in ms (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  return ticks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** The process and its children, and theirs (a cluster's workers). */
export function processTree(pid: number): number[] {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  return [pid, ...children.flatMap(processTree)];
}

/** CPU time (ms) so far of the processes still running among `pids`. */
export const cpuOfProcesses = (pids: number[]) => pids.reduce((sum, pid) => sum + (fs.existsSync(`/proc/${pid}`) ? cpuMs(pid) : 0), 0);

const ticks = (stat: string) => {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/**
 * CPU time (user + system, ms) of a running process, in all and of its main thread alone (the
 * thread whose id is the process id: JavaScript, and SQLite's synchronous writes); the rest is V8's
 * compiler and garbage-collector threads, libuv's pool and loader threads.
 */
export function cpuByThread(pid: number): { total: number; main: number; system: number; byName: Map<string, number> } {
  const byName = new Map<string, number>();
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = fs.readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim();
      byName.set(name, (byName.get(name) ?? 0) + ticks(fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8')));
    } catch {} // a thread that ended meanwhile
  }
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const system = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[12]) * 10;
  return { total: ticks(stat), main: ticks(fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')), system, byName };
}

/** Runs `main` only when this file is the script node was started with (not when imported by bench/run.ts). */
export const isEntry = (url: string) => process.argv[1] !== undefined && path.resolve(process.argv[1]) === new URL(url).pathname;

/** A port no one listens on right now (other benchmarks may run on the same machine). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** RSS of a bare node:http server that has idled as long as the app is left idle before it is read (3 s): the memory baseline. */
export async function bareIdleMiB(): Promise<number> {
  const port = await freePort();
  const bare = await startProcess(['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`], {}, `http://127.0.0.1:${port}/`);
  await new Promise((r) => setTimeout(r, 3000));
  const mib = rssMiB(bare.pid);
  await bare.stop();
  return mib;
}
