import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { BIN } from './cli.ts';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export type ServerProcess = { base: string; child: ChildProcess; kill9: () => Promise<void> };

/** The real server (`kruisbestuiving start`) in its own process, ready when this resolves. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: 'ignore',
    cwd: path.resolve(import.meta.dirname, '../..'),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error('the server stopped while starting');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    child,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export type Submitter = (responseId: string, answers: Record<string, unknown>) => Promise<{ status: number; duplicate?: boolean } | 'no answer'>;

/**
 * Submits whole responses to a round as the JSON client does (CSRF cookie and token, the consent
 * version from the welcome page). A request the server never answered (it was killed) is 'no answer'.
 */
export async function respondentOf(base: string, token: string): Promise<Submitter> {
  const csrf = await fetch(`${base}/api/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { token: csrfToken } = (await csrf.json()) as { token: string };
  const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(await (await fetch(`${base}/r/${token}`)).text())?.[1] ?? '';
  return async (responseId, answers) => {
    try {
      const response = await fetch(`${base}/api/r/${token}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ responseId, language: 'nl', consentVersion, answers }),
      });
      const text = await response.text();
      const duplicate = response.ok ? (JSON.parse(text) as { duplicate?: boolean }).duplicate : undefined;
      return { status: response.status, ...(duplicate === undefined ? {} : { duplicate }) };
    } catch {
      return 'no answer';
    }
  };
}
