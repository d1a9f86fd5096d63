import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/**
 * The Node flags the server is deployed with (docs/performance.md, Memory and "The peak on
 * PostgreSQL"): `npm start`, the systemd unit and the benchmarks' "as deployed" runs carry the same ones.
 */
const FLAGS = '--max-semi-space-size=1 --no-concurrent-recompilation --heap-growing-percent=100';

describe('the Node flags of the deployed server', () => {
  it('are the same in npm start, the systemd unit and the benchmarks', () => {
    const start = JSON.parse(read('package.json')).scripts.start as string;
    expect(/node (.*) bin\/kruisbestuiving\.js start/.exec(start)?.[1]).toBe(FLAGS);
    const execStart = /^ExecStart=\/usr\/bin\/node (.*) \/opt\/kruisbestuiving\/bin\/kruisbestuiving\.js start$/m.exec(read('deploy/kruisbestuiving.service'));
    expect(execStart?.[1]).toBe(FLAGS);
    const bench = /DEPLOYED_NODE_ARGS = \[(.*)\];/.exec(read('bench/lib/processes.ts'))?.[1];
    expect(bench?.replaceAll("'", '').split(', ').join(' ')).toBe(FLAGS);
  });

  it('are accepted by this Node (an unknown V8 flag would stop the server from starting)', async () => {
    const { stdout } = await run(process.execPath, [...FLAGS.split(' '), '-e', 'console.log("started")']);
    expect(stdout).toBe('started\n');
  });
});
