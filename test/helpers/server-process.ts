import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { programEntry } from './cli.ts';

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
  const child = spawn(process.execPath, [programEntry(), 'start'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: 'ignore',
    cwd: path.resolve(import.meta.dirname, '../..'),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  // A busy machine (the suites run two at a time) can take a while to start a server.
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error('the server stopped while starting');
    if (Date.now() > until) throw new Error('the server did not start within 60 s');
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

/** A browser's cookies and CSRF token, kept across server restarts as a real browser keeps them. */
export type CookieJar = { cookies: Map<string, string>; csrfToken?: string };
export const newCookieJar = (): CookieJar => ({ cookies: new Map() });

function remember(jar: CookieJar, response: Response): void {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';');
    const at = pair.indexOf('=');
    if (at > 0) jar.cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

/**
 * Submits whole responses to a round as the JSON client does (cookies, CSRF token, the consent
 * version from the welcome page). A request the server never answered (it was killed) is 'no answer'.
 */
export async function respondentOf(base: string, token: string, jar: CookieJar = newCookieJar()): Promise<Submitter> {
  const header = () => [...jar.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  if (!jar.csrfToken) {
    const csrf = await fetch(`${base}/api/csrf`, { headers: { cookie: header() } });
    remember(jar, csrf);
    jar.csrfToken = ((await csrf.json()) as { token: string }).token;
  }
  const welcome = await fetch(`${base}/r/${token}`, { headers: { cookie: header() } });
  remember(jar, welcome);
  const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(await welcome.text())?.[1] ?? '';
  return async (responseId, answers) => {
    try {
      const response = await fetch(`${base}/api/r/${token}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: header(), 'x-csrf-token': jar.csrfToken ?? '' },
        body: JSON.stringify({ responseId, language: 'nl', consentVersion, answers }),
      });
      remember(jar, response);
      const text = await response.text();
      const duplicate = response.ok ? (JSON.parse(text) as { duplicate?: boolean }).duplicate : undefined;
      return { status: response.status, ...(duplicate === undefined ? {} : { duplicate }) };
    } catch {
      return 'no answer';
    }
  };
}
