import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { type App, buildApp } from '../../src/http/app.ts';
import { Client } from '../helpers/app.ts';
import { type Dialect, describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { singlePrompt } from './helpers.ts';

type Snapshot = { type: 'snapshot'; joined: number; results: { answered: number } | null; prompt: { id: string } | null };

async function appOn(handle: DatabaseHandle, dataDir: string, redisPrefix?: string): Promise<App> {
  const config = {
    ...loadConfig(redisPrefix ? { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: redisPrefix } : {}),
    dataDir,
    rateLimits: { loginPerMinute: 1000, invitePerMinute: 1000, respondentPerMinute: 100_000 },
  };
  const app = await buildApp({ config, database: handle, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}
const portOf = (app: App) => (app.server.address() as { port: number }).port;

/** A presenter screen's socket: collects snapshots; waitFor resolves with the first one that matches. */
function presenter(app: App, url: string, cookie: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${portOf(app)}${url}`, { headers: { cookie } });
  const seen: Snapshot[] = [];
  const waiters: { test: (s: Snapshot) => boolean; resolve: (s: Snapshot) => void }[] = [];
  socket.on('message', (data) => {
    const snapshot = JSON.parse(String(data)) as Snapshot;
    seen.push(snapshot);
    for (const w of [...waiters]) if (w.test(snapshot)) w.resolve(snapshot);
  });
  const waitFor = (test: (s: Snapshot) => boolean, ms = 2000) =>
    new Promise<Snapshot>((resolve, reject) => {
      const found = seen.find(test);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no matching snapshot in ${ms} ms: ${JSON.stringify(seen.at(-1))}`)), ms);
      waiters.push({
        test,
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
      });
    });
  return { socket, seen, waitFor, closed: new Promise<number>((resolve) => socket.on('close', (code) => resolve(code))) };
}

/** Joins and answers like a phone without JavaScript, on the given process. */
async function answerOn(app: App, code: string, choice: string, times = 1) {
  const joined = await app.inject({
    method: 'POST',
    url: `/m/${code}/join`,
    payload: 'position=experience_worker',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cookie = `kb_m=${(joined.cookies as { name: string; value: string }[]).find((c) => c.name === 'kb_m')?.value}`;
  const page = await app.inject({ method: 'GET', url: `/m/${code}`, headers: { cookie } });
  const field = (name: string) => page.body.match(new RegExp(`name="${name}" value="([^"]+)"`))?.[1] ?? '';
  const payload = new URLSearchParams({ promptId: field('promptId'), clientId: field('clientId'), choice }).toString();
  for (let i = 0; i < times; i += 1)
    await app.inject({ method: 'POST', url: `/m/${code}/answer`, payload, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
}

/** With `redis`, the processes share events (and rate limits) through Redis pub/sub instead of the database. */
function liveSuite(dialect: Dialect, processes: 1 | 2, redis = false) {
  let apps: App[] = [];
  let closers: (() => Promise<void>)[] = [];
  let org: string;
  let cookie: string;
  let staff: Client;

  beforeAll(async () => {
    const { handle, testDb, close } = await openTestDatabase(dialect);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-live-'));
    const second = processes === 2 ? openDatabase(testDb.database) : undefined;
    const prefix = redis ? `kb-live-${crypto.randomUUID()}:` : undefined;
    apps = [await appOn(handle, dataDir, prefix), ...(second ? [await appOn(second, dataDir, prefix)] : [])];
    closers = [
      async () => {
        for (const app of apps) await app.close();
        await second?.close();
        await close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    ];
    const ctx = apps[0]?.services;
    if (!ctx) throw new Error('no app');
    org = await makeOrganisation(ctx);
    const coordinator = await makeUser(ctx, { organisationId: org, role: 'coordinator' });
    staff = new Client(apps[0] as App);
    await staff.login(coordinator.email, TEST_PASSWORD);
    cookie = `kb_session=${staff.cookies.get('kb_session')}`;
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it(`shows an answer on the presenter screen within half a second, counted once however often it is sent (${processes} process${processes === 2 ? 'es' : ''})`, async () => {
    const meeting = (await staff.post(`/api/orgs/${org}/meetings`, { title: 'Live', prompts: [singlePrompt] })).json<{ id: string; joinCode: string }>();
    await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'start' });
    const screen = presenter(apps[0] as App, `/meetings-live/${org}/${meeting.id}/ws`, cookie);
    await screen.waitFor((s) => s.results?.answered === 0);
    const participantProcess = apps[processes - 1] as App;
    const sent = Date.now();
    await answerOn(participantProcess, meeting.joinCode, 'a', 3);
    const seen = await screen.waitFor((s) => s.results?.answered === 1, 500 + (Date.now() - sent));
    expect(seen.joined).toBe(1);
    // Only aggregated counts travel: no answer value, no participant.
    expect(JSON.stringify(screen.seen)).not.toMatch(/participant|token|receipt|"choice"/);
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.seen.at(-1)?.results?.answered).toBe(1);
    screen.socket.close();
  });

  if (processes === 2)
    it("counts an answer on the presenter's own process and one on the other once each, on presenters of both processes", async () => {
      const meeting = (await staff.post(`/api/orgs/${org}/meetings`, { title: 'Beide', prompts: [singlePrompt] })).json<{ id: string; joinCode: string }>();
      await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'start' });
      const url = `/meetings-live/${org}/${meeting.id}/ws`;
      const screens = [presenter(apps[0] as App, url, cookie), presenter(apps[1] as App, url, cookie)];
      for (const screen of screens) await screen.waitFor((s) => s.results?.answered === 0);
      // On the first presenter's own process (heard there at once), then on the other (through the channel).
      await answerOn(apps[0] as App, meeting.joinCode, 'a', 2);
      for (const screen of screens) await screen.waitFor((s) => s.results?.answered === 1);
      await answerOn(apps[1] as App, meeting.joinCode, 'b', 2);
      for (const screen of screens) {
        const seen = await screen.waitFor((s) => s.results?.answered === 2);
        expect(seen.joined).toBe(2);
      }
      await new Promise((r) => setTimeout(r, 300));
      for (const screen of screens) {
        expect(screen.seen.at(-1)?.results?.answered).toBe(2);
        expect(screen.seen.map((s) => s.results?.answered).filter((n) => (n ?? 0) > 2)).toEqual([]);
        screen.socket.close();
      }
    });

  it('closes a live socket for someone who is not signed in', async () => {
    const meeting = (await staff.post(`/api/orgs/${org}/meetings`, { title: 'Dicht', prompts: [singlePrompt] })).json<{ id: string }>();
    const screen = presenter(apps[0] as App, `/meetings-live/${org}/${meeting.id}/ws`, '');
    expect(await screen.closed).toBe(4404);
    expect(screen.seen).toEqual([]);
  });
}

describeEachDatabase('live meeting updates over WebSocket', (dialect) => liveSuite(dialect, 1));
// SQLite is served by one process; on PostgreSQL, two processes share a meeting.
describe.runIf(inject('postgresUrl'))('two processes share one meeting [postgres]', () => liveSuite('postgres', 2));
// With REDIS_URL, events go through Redis pub/sub: two processes on one SQLite file (where no
// LISTEN/NOTIFY exists) and two on PostgreSQL share a meeting.
describe('two processes share one meeting through Redis [sqlite]', () => liveSuite('sqlite', 2, true));
describe.runIf(inject('postgresUrl'))('two processes share one meeting through Redis [postgres]', () => liveSuite('postgres', 2, true));
