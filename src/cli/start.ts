import { openRuntime } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { purgeExpiredSessions } from '../modules/accounts/sessions.ts';
import { demoLogins, hasAnyOrganisation, loadDemo } from '../modules/demo/service.ts';
import { scheduleRetention } from '../modules/privacy/retention-schedule.ts';
import { createPhotoStorage } from '../modules/stories/photo-storage.ts';

export async function startServer(config: Config, options: { demoIfEmpty: boolean }): Promise<void> {
  const started = performance.now();
  const runtime = await openRuntime(config);
  const { ctx, database } = runtime;
  let demoLoaded = false;
  if (options.demoIfEmpty && !(await hasAnyOrganisation(ctx))) {
    await loadDemo(ctx, { photoStorage: await createPhotoStorage(config) });
    demoLoaded = true;
  }
  await purgeExpiredSessions(ctx);
  const app = await buildApp({ config, database });
  const stopRetention = scheduleRetention(ctx, await createPhotoStorage(config), app.log);
  const address = await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl ?? address.replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `Kruisbestuiving is running at ${url}`,
    `  database: ${database.dialect} (${database.location})${runtime.applied.length ? `, migrations applied: ${runtime.applied.join(', ')}` : ''}`,
    `  started in ${Math.round(performance.now() - started)} ms`,
  ];
  if (demoLoaded || options.demoIfEmpty) {
    lines.push('', demoLoaded ? 'Demo data loaded. Demo logins:' : 'Demo logins (if the demo data is loaded):');
    for (const login of demoLogins()) lines.push(`  ${login.role.padEnd(12)} ${login.email.padEnd(40)} ${login.password}`);
  }
  if (!config.publicUrl && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    lines.push('', 'PUBLIC_URL is not set: links (invitations, rounds) are made only for this machine and ALLOWED_HOSTS.');
  }
  lines.push('', `API documentation: ${url}/api/docs`, 'Stop with Ctrl+C.', '');
  process.stdout.write(lines.join('\n'));

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopRetention();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
