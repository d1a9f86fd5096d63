import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/kruisbestuiving.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs the real command line in a child process with the given environment. */
export function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
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

export const envFor = (database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }): Record<string, string> =>
  database.kind === 'sqlite'
    ? { DATA_DIR: path.dirname(database.file) }
    : // Files beside the database (demo photos) go to a temporary folder, not the working directory.
      { DATABASE_URL: database.url, DATA_DIR: path.join(os.tmpdir(), 'kb-cli-data') };
