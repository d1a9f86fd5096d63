import cluster from 'node:cluster';
import { openRuntime } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { purgeExpiredSessions } from '../modules/accounts/sessions.ts';
import { createPhotoStorage } from '../modules/stories/photo-storage.ts';

/**
 * The app (every route module and the libraries they load) is imported only by a process that
 * serves requests: with WORKERS > 1 the primary only migrates, forks and waits, and keeps none of it.
 */
const loadApp = () => import('../http/app.ts');
/** The demo (its data and the services that load it) only for `start --demo-if-empty`. */
const loadDemoModule = () => import('../modules/demo/service.ts');
const loadRetention = () => import('../modules/privacy/retention-schedule.ts');

/** The primary sends this to worker 1 (and to its replacement): only one process runs the retention schedule. */
const RUN_RETENTION = 'kruisbestuiving:run-retention';

/**
 * One process (SQLite, or WORKERS=1) migrates, loads the demo and serves. With more workers
 * (PostgreSQL only), the primary migrates and loads the demo once, then forks the workers, which
 * share the port (node:cluster hands out connections) and keep no state of their own that another
 * process would need: sessions, CSRF secrets, rate limits and meeting events live in PostgreSQL
 * (or Redis with REDIS_URL).
 */
export async function startServer(config: Config, options: { demoIfEmpty: boolean }): Promise<void> {
  if (cluster.isWorker) return serveAsWorker(config);
  const started = performance.now();
  const runtime = await openRuntime(config);
  const { ctx, database } = runtime;
  let demoLoaded = false;
  const demo = options.demoIfEmpty ? await loadDemoModule() : undefined;
  if (demo && !(await demo.hasAnyOrganisation(ctx))) {
    await demo.loadDemo(ctx, { photoStorage: await createPhotoStorage(config) });
    demoLoaded = true;
  }
  await purgeExpiredSessions(ctx);
  let url: string;
  let stop: () => Promise<void>;
  if (config.workers > 1) {
    await database.close();
    url = config.publicUrl ?? `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
    stop = await forkWorkers(config.workers);
  } else {
    const { buildApp } = await loadApp();
    const app = await buildApp({ config, database });
    const { scheduleRetention } = await loadRetention();
    const stopRetention = scheduleRetention(ctx, await createPhotoStorage(config), app.log);
    const address = await app.listen({ port: config.port, host: config.host });
    url = config.publicUrl ?? address.replace('127.0.0.1', 'localhost');
    stop = async () => {
      app.log.info('shutting down');
      stopRetention();
      await app.close();
      await database.close();
    };
  }
  const lines = [
    '',
    `Kruisbestuiving is running at ${url}`,
    `  database: ${database.dialect} (${database.location})${runtime.applied.length ? `, migrations applied: ${runtime.applied.join(', ')}` : ''}`,
    `  processes serving requests: ${config.workers}`,
    `  started in ${Math.round(performance.now() - started)} ms`,
  ];
  if (demo) {
    lines.push('', demoLoaded ? 'Demo data loaded. Demo logins:' : 'Demo logins (if the demo data is loaded):');
    for (const login of demo.demoLogins()) lines.push(`  ${login.role.padEnd(12)} ${login.email.padEnd(40)} ${login.password}`);
  }
  if (!config.publicUrl && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    lines.push('', 'PUBLIC_URL is not set: links (invitations, rounds) are made only for this machine and ALLOWED_HOSTS.');
  }
  lines.push('', `API documentation: ${url}/api/docs`, 'Stop with Ctrl+C.', '');
  process.stdout.write(lines.join('\n'));
  onSignal(stop);
}

function onSignal(stop: () => Promise<void>): void {
  const shutdown = async () => {
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/** Forks the workers, waits until each listens, and starts a new one when one dies unexpectedly. */
async function forkWorkers(count: number): Promise<() => Promise<void>> {
  let stopping = false;
  const fork = (index: number): Promise<void> =>
    new Promise((listening, failed) => {
      const worker = cluster.fork();
      const pid = worker.process.pid;
      worker.once('listening', () => {
        process.stdout.write(`worker ${index} (process ${pid}) is serving requests\n`);
        if (index === 1) worker.send(RUN_RETENTION);
        listening();
      });
      worker.once('exit', (code, signal) => {
        if (stopping) return;
        process.stdout.write(`worker ${index} (process ${pid}) stopped (${signal ?? `exit code ${code}`}); starting a new one\n`);
        failed(new Error(`worker ${index} stopped before it listened`));
        setTimeout(() => void fork(index).catch(() => undefined), 1000);
      });
    });
  await Promise.all(Array.from({ length: count }, (_, i) => fork(i + 1)));
  return async () => {
    stopping = true;
    const exits = Object.values(cluster.workers ?? {}).map(
      (worker) =>
        new Promise<void>((done) => {
          if (!worker) return done();
          // A worker still busy after 10 s (a long export, a stuck connection) is stopped outright.
          const late = setTimeout(() => worker.process.kill('SIGKILL'), 10_000);
          worker.once('exit', () => {
            clearTimeout(late);
            done();
          });
          worker.process.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  };
}

/** A worker: the primary has migrated already (migrating again finds nothing to do). */
async function serveAsWorker(config: Config): Promise<void> {
  const { ctx, database } = await openRuntime(config);
  const { buildApp } = await loadApp();
  const app = await buildApp({ config, database });
  let stopRetention: () => void = () => undefined;
  process.on('message', (message) => {
    if (message === RUN_RETENTION)
      void Promise.all([createPhotoStorage(config), loadRetention()]).then(([photos, { scheduleRetention }]) => {
        stopRetention = scheduleRetention(ctx, photos, app.log);
      });
  });
  await app.listen({ port: config.port, host: config.host });
  onSignal(async () => {
    stopRetention();
    await app.close();
    await database.close();
  });
}
