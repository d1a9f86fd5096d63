import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/core/clock.ts';
import type { ServiceContext } from '../../src/core/context.ts';
import { createPdfPrinter, type PdfPrinter } from '../../src/core/pdf-printer.ts';
import { type App, buildApp } from '../../src/http/app.ts';
import { type Dialect, openDemoDatabase, openTestDatabase } from './databases.ts';

export type TestApp = { app: App; ctx: ServiceContext; config: Config; logs: string[]; close: () => Promise<void> };

/**
 * One PDF printer per Chromium path for every app of this worker: Chromium (about a second of CPU to start) starts at
 * the worker's first print instead of each app's, and ends with the worker, like the browser tests' shared Chromium.
 */
const pdfPrinters = new Map<string, PdfPrinter>();
function sharedPdfPrinter(chromiumPath: string): PdfPrinter {
  let printer = pdfPrinters.get(chromiumPath);
  if (!printer) {
    printer = createPdfPrinter(chromiumPath);
    pdfPrinters.set(chromiumPath, printer);
  }
  return printer;
}

/**
 * The real app on a fresh real database, with logs captured in memory (from `info` up unless `logLevel` says otherwise). With `demo`, the database holds the demo
 * organisation as `loadDemo(t.ctx)` leaves it (no photos), copied from a template instead of loaded again.
 */
export async function createTestApp(dialect: Dialect, overrides: Partial<Config> = {}, clock?: Clock, { demo = false } = {}): Promise<TestApp> {
  // Files the app keeps beside the database (photos) go to a temporary folder, removed on close.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-data-'));
  // Not durable: commits do not wait for the disk (no test of the in-process app pulls the power).
  const { handle, close } = demo
    ? await openDemoDatabase(dialect, { dataDir, photos: false, durable: false })
    : await openTestDatabase(dialect, { durable: false });
  const config = {
    ...loadConfig({}),
    dataDir,
    database: handle.dialect === 'sqlite' ? { kind: 'sqlite' as const, file: handle.location } : { kind: 'postgres' as const, url: 'postgres://test' },
    rateLimits: { loginPerMinute: 1000, invitePerMinute: 1000, respondentPerMinute: 100_000 },
    uploadsPerHour: 10_000,
    // Info, as in production: a line per request (debug) cost 1 to 3 % of a suite's CPU, read by none but the
    // suites about the logs, which ask for `logLevel: 'debug'` (or trace) themselves.
    logLevel: 'info' as const,
    ...overrides,
  };
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ config, database: handle, logger: { stream }, pdfPrinter: sharedPdfPrinter(config.chromiumPath), ...(clock ? { clock } : {}) });
  await app.ready();
  return {
    app,
    ctx: app.services,
    config,
    logs,
    close: async () => {
      await app.close();
      await close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client over app.inject: keeps cookies and sends the CSRF token like the web app. */
export class Client {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    private readonly app: App,
    readonly language: 'nl' | 'en' = 'nl',
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    if (method !== 'GET' && this.csrfToken === undefined) await this.refreshCsrf();
    const response = await this.app.inject({
      method,
      url,
      headers: {
        'accept-language': this.language,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method !== 'GET' && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      // clearCookie sets an expiry in 1970; real expiry is the server's business (tests move its clock).
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < 86_400_000)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  async refreshCsrf(): Promise<void> {
    this.csrfToken = undefined;
    this.csrfToken = (await this.request('GET', '/api/csrf')).json<{ token: string }>().token;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/auth/login', { email, password });
    await this.refreshCsrf();
    return response;
  }
}
