import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { inject } from 'vitest';
import { runCommandLine } from '../../src/cli/program.ts';

export const BIN = path.resolve(import.meta.dirname, '../../bin/kruisbestuiving.js');

/**
 * What a process of the program runs: the bundle the global setup made from the sources for this run
 * (test/helpers/global-setup.ts), as `npm run build` makes it for production, or bin/kruisbestuiving.js (the sources
 * through tsx) in a run without it. A server started from the bundle costs about 0.9 s of CPU, through tsx 2 s.
 */
export const programEntry = (): string => inject('serverBundle') ?? BIN;

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** What a command line gets besides `env`: the environment a child process was given. */
const baseEnv = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env });

/**
 * Runs the real command line in a child process: the run's bundle of the sources (`programEntry`), or with `{ bin: true }`
 * the entry file itself, bin/kruisbestuiving.js, which runs the sources through tsx (about 2 s of CPU a call). For what
 * only a process shows: two processes at once, the exit code the shell sees, standard input, the entry file.
 */
export function runCliProcess(args: string[], env: Record<string, string>, stdin?: string, { bin = false } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin ? BIN : programEntry(), ...args], { env: baseEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

type Captured = { stdout: string; stderr: string };
const capture = new AsyncLocalStorage<Captured>();
let installed = false;

/**
 * Routes what a command writes to process.stdout and process.stderr into the output of the run it belongs to (by
 * async context, so runs at the same time keep their own output); everything else passes through unchanged.
 */
function captureOutput(): void {
  if (installed) return;
  installed = true;
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const captured = capture.getStore();
      if (!captured) return write(chunk, ...rest);
      const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
      captured[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(encoding ?? 'utf8');
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    }) as typeof stream.write;
  }
}

/**
 * In-process runs go one at a time. Two SQLite connections in one process cannot wait for each other: SQLite's busy
 * wait blocks the thread the other connection needs to finish, so concurrent `migrate` steps fail. Runs that must
 * overlap (two processes migrating at once) use `runCliProcess`.
 */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the real command line (src/cli.ts, the code bin/kruisbestuiving.js runs) in this process, with only the
 * environment a child process would get (PATH, HOME, LOG_LEVEL=warn and `env`), the given standard input, and its
 * own standard output and error: the same result as `runCliProcess` without starting Node and tsx for each call.
 */
export function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  captureOutput();
  const run = async (): Promise<CliResult> => {
    const output: Captured = { stdout: '', stderr: '' };
    const code = await capture.run(output, () => runCommandLine(args, { env: baseEnv(env), stdin: Readable.from([stdin ?? '']) }));
    return { code, ...output };
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

export const envFor = (database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }): Record<string, string> =>
  database.kind === 'sqlite'
    ? { DATA_DIR: path.dirname(database.file) }
    : // Files beside the database (demo photos) go to a temporary folder, not the working directory.
      { DATABASE_URL: database.url, DATA_DIR: path.join(os.tmpdir(), 'kb-cli-data') };
