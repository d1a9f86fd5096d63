import { Writable } from 'node:stream';
import pino from 'pino';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { logDestination, loggerOptions } from '../../src/core/logger.ts';
import { createTestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

it('is readable lines by default and JSON in production or when asked', () => {
  expect(loadConfig({}).logFormat).toBe('pretty');
  expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
  expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
  expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
});

it('writes a person-readable line, not JSON, in the pretty format', async () => {
  const seen: string[] = [];
  const terminal = new Writable({
    write(chunk, _enc, done) {
      seen.push(String(chunk));
      done();
    },
  });
  const pretty = await logDestination('pretty', terminal);
  const log = pino(loggerOptions('info'), pretty);
  log.info({ email: 'iemand@example.org' }, 'Kruisbestuiving is gestart');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const text = seen.join('');
  expect(text).toContain('INFO');
  expect(text).toContain('Kruisbestuiving is gestart');
  expect(text).not.toContain('iemand@example.org');
  expect(() => JSON.parse(text)).toThrow();
  expect(await logDestination('json')).toBeUndefined();
});

describeEachDatabase('request lines', (dialect) => {
  it('are written at debug level only, so the default (info) log shows start-up, warnings and errors', async () => {
    const atInfo = await createTestApp(dialect, { logLevel: 'info' });
    await atInfo.app.inject({ method: 'GET', url: '/api/me' });
    expect(atInfo.logs.join('')).not.toContain('request completed');
    await atInfo.close();

    const atDebug = await createTestApp(dialect, { logLevel: 'debug' });
    await atDebug.app.inject({ method: 'GET', url: '/api/me?zoek=naam' });
    const lines = atDebug.logs.filter((line) => line.includes('request completed')).map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, req: { method: 'GET', url: '/api/me' }, res: { statusCode: 401 } });
    await atDebug.close();
  });
});
