/**
 * A live meeting under load, on loopback: N simulated participants join one meeting on one app
 * process (SQLite) and answer its open single-choice prompt once, while one presenter WebSocket
 * watches the aggregated counts. Beside it, in the same run, a bare `ws` server that counts and
 * broadcasts the same messages (bench/lib/bare-ws-server.ts) is the baseline.
 *
 * A participant does what a phone with JavaScript does: join (form post), keep the page's live socket
 * open (/m/<code>/ws, with its participant cookie) and answer with a message on it, acknowledged after
 * the answer's commit (--answer socket, the default); --answer form answers by form post as a phone
 * without JavaScript does, --answer both measures both in the same run. On the baseline, joining is
 * opening the socket and the answer is a message on it. Measured: answers/s (first answer sent until
 * the presenter sees all N), the time from an answer sent to its count seen on the presenter
 * (p50/p99; the k-th answer sent counts as seen when the presenter first shows k answers), server RSS
 * growth per participant, server CPU. Bounded in count and time; the servers it starts are stopped at
 * the end or on the time limit.
 *
 * With --postgres, also app processes on one fresh PostgreSQL database (DATABASE_URL of the
 * local server, default postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards), two by
 * default (--postgres-processes 1, 2 or 1,2 for both in turn): phones alternate between the
 * processes, the presenter watches on the first, events cross through LISTEN/NOTIFY (only for sizes
 * up to --postgres-max; --postgres-only leaves the SQLite process out). --cpu-prof writes V8 CPU
 * profiles (a sample every 250 µs) of the app processes and the baseline to bench/profiles/. The app runs with NODE_ENV=production, as deployed. Phones post their
 * forms through node:http (kept-alive connections), which costs this process less CPU than fetch;
 * this process's own CPU while answering is printed too, since it shares the cores with the servers.
 * --join-concurrency phones join at once (a room joins together; each join waits for its commit),
 * --concurrency phones have an answer under way at once.
 *
 * Run: npm run bench:meetings -- [--participants 1000,5000,10000] [--concurrency 50] [--join-concurrency 200]
 *      [--answer socket|form|both] [--seconds 120] [--postgres] [--postgres-only] [--postgres-max 5000] [--postgres-processes 2]
 *      [--total-seconds 600] [--cpu-prof] [--repeat 1] [--warm-up]
 * (--seconds bounds each server's run at each size, --total-seconds the whole run; --repeat runs baseline and app
 * in turn that many times per size and prints the medians, with each server's CPU per answer.)
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import WebSocket from 'ws';
import { openRuntime } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { Actor } from '../src/core/context.ts';
import { createUser } from '../src/modules/accounts/service.ts';
import { control, createMeeting } from '../src/modules/meetings/service.ts';
import { addMembership, createOrganisation } from '../src/modules/organisations/service.ts';
import { printMedians, printRound, type Result } from './lib/meetings-report.ts';
import { buildServerBundle, deployedApp, type Running, rssMiB, startProcess } from './lib/processes.ts';

const { values: args } = parseArgs({
  options: {
    participants: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    'join-concurrency': { type: 'string', default: '200' },
    seconds: { type: 'string', default: '120' },
    postgres: { type: 'boolean', default: false },
    'postgres-only': { type: 'boolean', default: false },
    'postgres-max': { type: 'string', default: '10000' },
    'total-seconds': { type: 'string', default: '600' },
    'cpu-prof': { type: 'boolean', default: false },
    answer: { type: 'string', default: 'socket' },
    repeat: { type: 'string', default: '1' },
    'postgres-processes': { type: 'string', default: '2' },
    'warm-up': { type: 'boolean', default: false },
  },
});
const SIZES = args.participants.split(',').map((n) => Math.max(1, Math.min(Number(n), 10_000)));
let N = SIZES[0] ?? 1000;
const PG_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PROFILE_DIR = path.resolve('bench/profiles');
const CONCURRENCY = Math.max(1, Number(args.concurrency));
/** Phones joining at once: a room joins together, and each join waits for its commit (group commit gathers them). */
const JOIN_CONCURRENCY = Math.max(1, Number(args['join-concurrency']));
const LIMIT_S = Math.min(Number(args.seconds), 600);
/** The whole run (every size, every server) stops here. */
const TOTAL_S = Math.min(Number(args['total-seconds']), 1800);
const POSTGRES_MAX = Number(args['postgres-max']);
/** Rounds per size: baseline, app, baseline, app, …; with more than one, the medians are printed too. */
const REPEAT = Math.max(1, Math.min(Number(args.repeat), 9));
/** App processes on PostgreSQL, one run per count (`--postgres-processes 1,2`): phones alternate between them, the presenter watches on the first. */
const PG_PROCESSES = args['postgres-processes'].split(',').map((n) => Math.max(1, Math.min(Number(n) || 2, 2)));
/** How the app's phones answer: on their live socket (the page with JavaScript), by form post (without), or both in turn. */
const ANSWER_WAYS = (args.answer === 'both' ? ['socket', 'form'] : [args.answer === 'form' ? 'form' : 'socket']) as ('socket' | 'form')[];
const PASSWORD = 'bench-meetings-password';
/**
 * --warm-up: every phone first answers a prompt that is not measured, then the facilitator moves on
 * and the next prompt's answers are measured: a server that has served a prompt before (a meeting's
 * second prompt, or any prompt of a server that has been up for a while), whose answer path V8 has
 * compiled. The baseline gets the same two rounds.
 */
const WARM_UP = args['warm-up'];
/** Ports from BENCH_PORT_BASE (default 3395): two runs on one machine each take their own three. */
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3395);
const APP_PORT = PORT_BASE;
const SECOND_APP_PORT = PORT_BASE + 2;
const BARE_PORT = PORT_BASE + 1;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** `warm`: the answer to the warm-up prompt (--warm-up); `answer`: the measured one. */
type Participant = { socket: WebSocket; answer: () => Promise<void>; warm: () => Promise<void> };
type Target = {
  label: string;
  server: Running;
  servers: Running[];
  join: (i: number) => Promise<Participant>;
  presenter: () => Promise<Watcher>;
  /** The facilitator moves the meeting to its next prompt (after the warm-up). */
  nextPrompt: () => Promise<void>;
  /** PostgreSQL: the database whose server processes (backends, on this machine) are measured too. */
  databaseUrl?: string;
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-meetings-'));
const running: Running[] = [];
const sockets: WebSocket[] = [];
const cleanup = async () => {
  for (const s of sockets.splice(0)) s.terminate();
  // Each server once: a process ended by a signal keeps exitCode null, so stop() must not be repeated.
  await Promise.all(running.splice(0).map((r) => r.stop()));
};
let deadline = Date.now() + LIMIT_S * 1000;
const timer = setTimeout(() => {
  console.error(`Time limit of ${TOTAL_S} s for the whole run reached: stopping.`);
  void cleanup().finally(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  });
}, TOTAL_S * 1000);

const started = performance.now();
const progress = (what: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}`);

const cpuTicks = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

/** Runs `work` for 0 … count−1 with at most `concurrency` at once; stops at the deadline. */
async function pool<T>(count: number, work: (i: number) => Promise<T>, concurrency = CONCURRENCY): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      if (Date.now() > deadline) throw new Error('time limit');
      const i = next++;
      out[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return out;
}

const opened = (url: string, headers: Record<string, string> = {}) =>
  new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    sockets.push(socket);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });

/**
 * The presenter connection: the time each answered count was first seen. `restart` forgets them and
 * resolves at the first count of 0 (the next prompt shown); counts before it are not taken.
 */
type Watcher = { firstSeen: Map<number, number>; waitFor: (answered: number) => Promise<number>; restart: () => Promise<void> };
function watch(socket: WebSocket): Watcher {
  const firstSeen = new Map<number, number>();
  const waiters: { n: number; resolve: (t: number) => void }[] = [];
  let highest = -1;
  let restarted: (() => void) | null = null;
  socket.on('message', (data) => {
    const now = performance.now();
    const answered = (JSON.parse(String(data)) as { results?: { answered?: number } | null }).results?.answered;
    if (restarted) {
      if (answered !== 0) return;
      restarted();
      restarted = null;
      highest = 0;
      return;
    }
    if (typeof answered !== 'number' || answered <= highest) return;
    for (let k = highest + 1; k <= answered; k++) firstSeen.set(k, now);
    highest = answered;
    for (const w of waiters.filter((w) => w.n <= answered)) w.resolve(now);
  });
  return {
    firstSeen,
    waitFor: (n) => (highest >= n ? Promise.resolve(firstSeen.get(n) ?? 0) : new Promise((resolve) => waiters.push({ n, resolve }))),
    restart: () =>
      new Promise<void>((resolve) => {
        firstSeen.clear();
        restarted = resolve;
      }),
  };
}

async function setupApp(
  dataDir: string,
  databaseUrl?: string,
): Promise<{ orgId: string; meetingId: string; code: string; promptId: string; warmUpPromptId: string; email: string }> {
  const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
  try {
    const ctx = runtime.ctx;
    const email = 'bench@example.org';
    const userId = await createUser(ctx, { email, displayName: 'Bench', password: PASSWORD }, null);
    const orgId = await createOrganisation(ctx, { name: 'Bench', sector: 'other', actorUserId: userId });
    await addMembership(ctx, { organisationId: orgId, userId, role: 'admin', actorUserId: userId });
    const actor: Actor = { userId, language: 'nl', roles: new Map([[orgId, 'admin']]) };
    const prompt = {
      kind: 'single' as const,
      text: { nl: 'Wat betekent een gelijkwaardige positie?', en: 'What does an equal position mean?' },
      options: [
        { key: 'a', label: { nl: 'Betaald worden', en: 'Being paid' } },
        { key: 'b', label: { nl: 'Hetzelfde werk doen', en: 'Doing the same work' } },
        { key: 'c', label: { nl: 'Opgeleid zijn', en: 'Having been trained' } },
      ],
    };
    const meeting = await createMeeting(ctx, actor, orgId, { title: 'Benchmark', prompts: WARM_UP ? [prompt, prompt] : [prompt] });
    await control(ctx, actor, orgId, meeting.id, { action: 'start' });
    const [first, second] = meeting.prompts.map((p) => p.id);
    return { orgId, meetingId: meeting.id, code: meeting.joinCode, promptId: (WARM_UP ? second : first) ?? '', warmUpPromptId: first ?? '', email };
  } finally {
    await runtime.database.close();
  }
}

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/**
 * A form post from a phone through node:http with kept-alive connections (as many as phones at
 * once): much less CPU in this bench process than fetch, which shares the cores with the server.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(CONCURRENCY, JOIN_CONCURRENCY) });
const postForm = (url: string, body: string, cookie?: string) =>
  new Promise<{ status: number; cookie: string }>((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) };
    if (cookie) headers.cookie = cookie;
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      response.resume();
      response.once('end', () =>
        resolve({ status: response.statusCode ?? 0, cookie: (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ') }),
      );
      response.once('error', reject);
    });
    request.once('error', reject);
    request.end(body);
  });

const appArgs = (name: string) =>
  deployedApp(
    // Node names each thread's profile CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile; the largest is the app's main thread.
    // A sample every 250 µs (Node's default is 1 ms): the answering phase of 10,000 phones lasts about a second.
    args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-interval=250', `--cpu-prof-dir=${path.join(PROFILE_DIR, `${name}-${N}`)}`] : [],
  );

/** One app process on SQLite, or (with a database URL) one or two processes on PostgreSQL. */
async function appTarget(dataDir: string, way: 'socket' | 'form', databaseUrl?: string, processes = 2): Promise<Target> {
  const meeting = await setupApp(dataDir, databaseUrl);
  const ports = databaseUrl ? [APP_PORT, SECOND_APP_PORT].slice(0, processes) : [APP_PORT];
  const servers: Running[] = [];
  for (const port of ports) {
    // All simulated phones share one loopback address: the per-client limit of /m pages is raised.
    // NODE_ENV=production as a deployment sets it (React's production build renders the pages).
    const server = await startProcess(
      appArgs(databaseUrl ? `postgres-${ports.length}` : 'sqlite'),
      {
        DATA_DIR: dataDir,
        PORT: String(port),
        NODE_ENV: 'production',
        RESPONDENT_RATE_LIMIT: '100000000',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      `http://127.0.0.1:${port}/readyz`,
    );
    running.push(server);
    servers.push(server);
  }
  const base = `http://127.0.0.1:${APP_PORT}`;
  const baseOf = (i: number) => `http://127.0.0.1:${ports[i % ports.length]}`;
  const choices = ['a', 'b', 'c'];
  const positions = ['experience_worker', 'practitioner', 'coordinator'];
  let facilitator: { token: string; cookie: string } | undefined;
  return {
    label: `${databaseUrl ? `Kruisbestuiving, ${ports.length === 2 ? 'two processes' : 'one process'}, PostgreSQL` : 'Kruisbestuiving, one process, SQLite'}, answers by ${way === 'socket' ? 'socket message' : 'form post'}`,
    server: servers[0] as Running,
    servers,
    ...(databaseUrl ? { databaseUrl } : {}),
    join: async (i) => {
      const base = baseOf(i);
      const joined = await postForm(`${base}/m/${meeting.code}/join`, `position=${positions[i % 3]}`);
      if (joined.status !== 200) throw new Error(`join: ${joined.status}`);
      const cookie = joined.cookie;
      // The page's live socket carries the participant's cookie, as a browser sends it on the upgrade.
      const socket = await opened(`${base.replace('http', 'ws')}/m/${meeting.code}/ws?lang=nl`, { cookie });
      const fieldsOf = (promptId: string) => ({ promptId, clientId: randomUUID(), choice: choices[i % 3] ?? 'a' });
      const answerTo = (promptId: string) => {
        if (way === 'socket') {
          const message = JSON.stringify({ kind: 'answer', fields: fieldsOf(promptId) });
          return () => acknowledged(socket, message, (reply) => reply.startsWith('{"kind":"saved"') || reply.startsWith('{"kind":"refused"'));
        }
        const body = new URLSearchParams(fieldsOf(promptId)).toString();
        return async () => {
          const response = await postForm(`${base}/m/${meeting.code}/answer`, body, cookie);
          if (response.status !== 303) throw new Error(`answer: ${response.status}`);
        };
      };
      return { socket, answer: answerTo(meeting.promptId), warm: answerTo(meeting.warmUpPromptId) };
    },
    presenter: async () => {
      const csrf = await fetch(`${base}/api/csrf`);
      const { token } = (await csrf.json()) as { token: string };
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookiesOf(csrf) },
        body: JSON.stringify({ email: meeting.email, password: PASSWORD }),
      });
      if (!login.ok) throw new Error(`login: ${login.status}`);
      facilitator = { token, cookie: [cookiesOf(csrf), cookiesOf(login)].filter(Boolean).join('; ') };
      return watch(await opened(`ws://127.0.0.1:${APP_PORT}/meetings-live/${meeting.orgId}/${meeting.meetingId}/ws`, { cookie: cookiesOf(login) }));
    },
    nextPrompt: async () => {
      if (!facilitator) throw new Error('no facilitator signed in');
      const response = await fetch(`${base}/api/orgs/${meeting.orgId}/meetings/${meeting.meetingId}/control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': facilitator.token, cookie: facilitator.cookie },
        body: JSON.stringify({ action: 'next' }),
      });
      if (!response.ok) throw new Error(`next prompt: ${response.status} ${await response.text()}`);
    },
  };
}

/** Sends a message on a socket and resolves at its reply (one that `isReply` recognises); a refusal rejects. */
const acknowledged = (socket: WebSocket, message: string, isReply: (data: string) => boolean) =>
  new Promise<void>((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = String(data);
      if (!isReply(reply)) return;
      socket.off('message', onMessage);
      if (reply.startsWith('{"kind":"refused"')) reject(new Error(reply));
      else resolve();
    };
    socket.on('message', onMessage);
    socket.send(message);
  });

async function bareTarget(): Promise<Target> {
  const profile = args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-interval=250', `--cpu-prof-dir=${path.join(PROFILE_DIR, `bare-${N}`)}`] : [];
  const server = await startProcess([...profile, '--import', 'tsx', 'bench/lib/bare-ws-server.ts', String(BARE_PORT)], {}, `http://127.0.0.1:${BARE_PORT}/`);
  running.push(server);
  const choices = ['a', 'b', 'c'];
  let presenter: WebSocket | undefined;
  return {
    label: 'bare ws server (baseline)',
    server,
    servers: [server],
    join: async (i) => {
      const socket = await opened(`ws://127.0.0.1:${BARE_PORT}/p`);
      const message = JSON.stringify({ id: randomUUID(), choice: choices[i % 3] });
      const answer = () => acknowledged(socket, message, (reply) => reply === '{"ok":true}');
      return { socket, answer, warm: answer };
    },
    presenter: async () => {
      presenter = await opened(`ws://127.0.0.1:${BARE_PORT}/presenter`);
      return watch(presenter);
    },
    nextPrompt: async () => presenter?.send('next'),
  };
}

async function measure(target: Target): Promise<Result> {
  deadline = Date.now() + LIMIT_S * 1000;
  const pids = target.servers.map((s) => s.pid);
  const rssOf = () => pids.reduce((sum, pid) => sum + rssMiB(pid), 0);
  const cpuOf = () => pids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
  const watcher = await target.presenter();
  await new Promise((r) => setTimeout(r, 1000));
  const idleMiB = rssOf();
  const cpuStart = cpuOf();
  let errors = 0;
  progress(`${target.label}: joining`);
  const participants = await pool(N, (i) => target.join(i), JOIN_CONCURRENCY);
  if (WARM_UP) {
    progress(`${target.label}: warming up (a prompt not measured)`);
    await pool(N, async (i) => participants[i]?.warm().catch(() => errors++));
    await watcher.waitFor(N);
    const nextShown = watcher.restart();
    await target.nextPrompt();
    await nextShown;
  }
  progress(`${target.label}: answering`);
  const sent: number[] = new Array(N);
  const backendsBefore = target.databaseUrl ? await backendTicks(target.databaseUrl) : undefined;
  const answerCpu = cpuOf();
  const clientCpu = process.cpuUsage();
  const t0 = performance.now();
  let k = 0;
  await pool(N, async (i) => {
    sent[k++] = performance.now();
    await participants[i]?.answer().catch(() => errors++);
  });
  let giveUp: NodeJS.Timeout | undefined;
  const tooLate = new Promise<number>((r) => {
    giveUp = setTimeout(() => r(Number.NaN), Math.max(0, deadline - Date.now() - 2000));
  });
  const allSeen = await Promise.race([watcher.waitFor(N), tooLate]);
  clearTimeout(giveUp);
  progress(`${target.label}: all answers seen`);
  const seconds = (allSeen - t0) / 1000;
  const answerCpuSeconds = (cpuOf() - answerCpu) / TICKS;
  const databaseCpuSeconds = backendsBefore && target.databaseUrl ? ticksSince(backendsBefore, await backendTicks(target.databaseUrl)) / TICKS : Number.NaN;
  const clientUsage = process.cpuUsage(clientCpu);
  const clientCpuSeconds = (clientUsage.user + clientUsage.system) / 1e6;
  const kibPerParticipant = ((rssOf() - idleMiB) * 1024) / N;
  // An answer never seen (time limit) has no latency; the rate is then NaN and says so.
  const latencies = sent
    .map((t, j) => (watcher.firstSeen.get(j + 1) ?? Number.NaN) - t)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  for (const p of participants) p?.socket.close();
  return {
    label: target.label,
    rate: N / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    kibPerParticipant,
    cpuPercent: (100 * answerCpuSeconds) / seconds,
    answerCpuSeconds,
    databaseCpuSeconds,
    answers: N,
    cpuSeconds: (cpuOf() - cpuStart) / TICKS,
    clientCpuPercent: (100 * clientCpuSeconds) / seconds,
    errors,
  };
}

/** CPU ticks so far of each PostgreSQL backend connected to this database (they run on this machine), by pid. */
async function backendTicks(databaseUrl: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
      new URL(databaseUrl).pathname.slice(1),
    ]);
    const ticks = new Map<number, number>();
    for (const { pid } of rows)
      try {
        ticks.set(pid, cpuTicks(pid));
      } catch {} // a connection that ended meanwhile
    return ticks;
  } finally {
    await client.end();
  }
}
/** Backend CPU between two readings; a backend that started in between counts whole. */
const ticksSince = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, t]) => sum + t - (before.get(pid) ?? 0), 0);

/** A fresh PostgreSQL database for one run, dropped afterwards. */
async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `kb_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  admin.on('error', () => {});
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
}

/** A run that reached its time limit is a row that says so, and the next run still starts. */
async function measured(target: Target): Promise<Result> {
  try {
    return await measure(target);
  } catch (error) {
    if (!(error instanceof Error && error.message === 'time limit')) throw error;
    progress(`${target.label}: time limit of ${LIMIT_S} s reached`);
    const none = Number.NaN;
    return {
      label: `${target.label} (stopped at the ${LIMIT_S} s limit)`,
      rate: none,
      p50: none,
      p99: none,
      kibPerParticipant: none,
      cpuPercent: none,
      answerCpuSeconds: none,
      databaseCpuSeconds: none,
      answers: N,
      cpuSeconds: none,
      clientCpuPercent: none,
      errors: 0,
    };
  }
}

async function main() {
  buildServerBundle();
  try {
    if (args['cpu-prof']) fs.mkdirSync(PROFILE_DIR, { recursive: true });
    for (const size of SIZES) {
      N = size;
      const rounds: { bare: Result; ours: Result[] }[] = [];
      for (let round = 1; round <= REPEAT; round++) {
        rounds.push(await measureRound());
        const { bare, ours } = rounds[rounds.length - 1] as { bare: Result; ours: Result[] };
        printRound(
          `${N} participants, round ${round} of ${REPEAT}, joining ${JOIN_CONCURRENCY} and answering ${CONCURRENCY} at once, one prompt${WARM_UP ? ' after a warm-up prompt' : ''}, one presenter socket, loopback`,
          ours,
          bare,
        );
      }
      if (REPEAT > 1) printMedians(`${N} participants, answering ${CONCURRENCY} at once`, rounds);
    }
  } finally {
    await cleanup();
    agent.destroy();
    clearTimeout(timer);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * One round at the current size: the baseline first, then the app (fresh processes and data each
 * time), one after the other, each measured in a process of its own beside this client process.
 */
async function measureRound(): Promise<{ bare: Result; ours: Result[] }> {
  const bare = await measured(await bareTarget());
  await cleanup();
  progress('stopped');
  const runDir = fs.mkdtempSync(path.join(dataDir, 'run-'));
  const ours: Result[] = [];
  for (const way of args['postgres-only'] ? [] : ANSWER_WAYS) {
    ours.push(await measured(await appTarget(fs.mkdtempSync(path.join(runDir, `${way}-`)), way)));
    await cleanup();
    progress('stopped');
  }
  if ((args.postgres || args['postgres-only']) && N <= POSTGRES_MAX)
    for (const processes of PG_PROCESSES)
      ours.push(
        await withDatabase(async (url) => {
          try {
            return await measured(await appTarget(runDir, 'socket', url, processes));
          } finally {
            await cleanup();
            progress('stopped');
          }
        }),
      );
  return { bare, ours };
}

await main();
