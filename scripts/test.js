#!/usr/bin/env node
// `npm test`: builds the web app when it changed (the browser tests use it), runs every test with Vitest, and ends
// with a plain "N passed, N failed, N skipped" line that any CI can read.
// `npm test -- --project pure` (or database, http, browser) runs one tier; see docs/testing.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const startedAt = Date.now();
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: false });
const bin = (name) => path.resolve('node_modules/.bin', name);

const args = process.argv.slice(2);
const projects = args.flatMap((arg, i) => (arg === '--project' ? [args[i + 1]] : arg.startsWith('--project=') ? [arg.slice('--project='.length)] : []));
const needsWebApp = projects.length === 0 || projects.includes('browser');

/** The newest modification time of a file or of any file below a folder. */
const newest = (file) => {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
};
// The build is skipped when it is newer than everything it is made from (the web app, the server
// types it imports, the build configuration and the installed packages).
const builtAt = newest('dist/web/index.html');
const sources = ['web', 'src', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];
const upToDate = builtAt > 0 && sources.every((source) => newest(source) < builtAt);
const build = needsWebApp && !upToDate ? run(bin('vite'), ['build', '--logLevel', 'warn']) : { status: 0 };
if (needsWebApp && upToDate) console.log('The web app in dist/web is newer than its sources: not built again.');
if (build.status !== 0) {
  console.error('The web app did not build; the tests cannot run.');
  process.exit(build.status ?? 1);
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-vitest-')), 'results.json');
const vitest = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args]);

if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(`\nnpm test took ${Math.round((Date.now() - startedAt) / 1000)} s (the web build included)`);
  console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
  if (results.numTotalTests === 0) {
    console.error('No test ran.');
    process.exit(1);
  }
} else {
  console.log('\n0 passed, 1 failed');
}
process.exit(vitest.status ?? 1);
