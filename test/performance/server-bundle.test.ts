import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { programEntry } from '../helpers/cli.ts';
import { createDemoTestDatabase, describeEachDatabase } from '../helpers/databases.ts';
import { freePort, respondentOf } from '../helpers/server-process.ts';
import { roundWithPlan } from '../helpers/submissions.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const HEAVY = ['sharp', 'exceljs', '@aws-sdk/client-s3', 'playwright-core', '@simplewebauthn/server', 'nodemailer', 'qrcode', 'openid-client'];
const packageOf = (url: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];

/**
 * `npm run build` bundles the server (scripts/build-server.js); the bin runs that bundle when it is
 * current. The global setup builds it once per run into a folder of its own inside dist/ (Node must find
 * node_modules from it), so a build of dist/server running at the same time is left alone; without it, built here.
 */
let outdir = '';
let builtHere = false;
beforeAll(async () => {
  const shared = inject('serverBundle');
  if (shared) {
    outdir = path.dirname(shared);
    return;
  }
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  outdir = fs.mkdtempSync(path.join(root, 'dist', 'server-test-'));
  builtHere = true;
  await run(process.execPath, ['scripts/build-server.js', outdir], { cwd: root });
}, 120_000);
afterAll(() => {
  if (builtHere) fs.rmSync(outdir, { recursive: true, force: true });
});

describe('the server bundle', () => {
  it('is what the server and command-line processes of the tests run', () => {
    expect(programEntry()).toBe(path.join(outdir, 'cli.js'));
    expect(fs.existsSync(programEntry())).toBe(true);
  });

  it('names the files it was made from, so the bin can tell when it is out of date', () => {
    const { builtAt, inputs } = JSON.parse(fs.readFileSync(path.join(outdir, 'build.json'), 'utf8')) as { builtAt: number; inputs: string[] };
    expect(builtAt).toBeGreaterThan(0);
    for (const input of [
      'src/cli.ts',
      'src/cli/start.ts',
      'src/http/app.ts',
      'src/modules/rounds/respondent-routes.tsx',
      'src/worker.ts',
      'src/modules/exports/export-worker.ts',
      'tsconfig.json',
      'scripts/build-server.js',
    ]) {
      expect(inputs).toContain(input);
    }
    // The worker thread's entry, beside the other chunks (src/core/off-thread.ts starts it from there).
    expect(fs.existsSync(path.join(outdir, 'worker.js'))).toBe(true);
  });
});

/**
 * The bin's choice, on a copy of it in a folder of its own (inside the project, so tsx is found): a
 * "bundle" and "sources" that only say which they are, and a build.json naming one source file.
 */
describe('bin/kruisbestuiving.js', () => {
  let project = '';
  const source = () => path.join(project, 'src/cli.ts');
  const runBin = async (env: Record<string, string> = {}) =>
    (await run(process.execPath, [path.join(project, 'bin/kruisbestuiving.js')], { cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? '', ...env } })).stdout;
  const writeBuild = (builtAt: number, inputs = ['src/cli.ts']) =>
    fs.writeFileSync(path.join(project, 'dist/server/build.json'), JSON.stringify({ builtAt, inputs }));

  beforeAll(() => {
    project = fs.mkdtempSync(path.join(root, 'dist', 'bin-test-'));
    for (const dir of ['bin', 'src', 'dist/server']) fs.mkdirSync(path.join(project, dir), { recursive: true });
    fs.copyFileSync(path.join(root, 'bin/kruisbestuiving.js'), path.join(project, 'bin/kruisbestuiving.js'));
    fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(project, 'tsconfig.json'));
    fs.writeFileSync(path.join(project, 'dist/server/cli.js'), "process.stdout.write('bundle');\n");
    fs.writeFileSync(source(), "const from: string = 'sources';\nprocess.stdout.write(from);\n");
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it('runs the bundle while no source it was made from changed, and the sources otherwise', async () => {
    const sourceTime = fs.statSync(source()).mtimeMs;
    writeBuild(sourceTime + 1000);
    expect(await runBin()).toBe('bundle');
    expect(await runBin({ KRUISBESTUIVING_FROM_SOURCE: '1' })).toBe('sources');
    writeBuild(sourceTime - 1000);
    expect(await runBin()).toBe('sources');
    writeBuild(sourceTime + 1000, ['src/cli.ts', 'src/gone.ts']);
    expect(await runBin()).toBe('sources');
    fs.rmSync(path.join(project, 'dist/server/build.json'));
    expect(await runBin()).toBe('sources');
  });
});

describeEachDatabase('the server bundle, started', (dialect) => {
  it('answers /healthz and a respondent page, stores a response, and loads neither TypeScript nor a heavy library at start', async () => {
    const testDb = await createDemoTestDatabase(dialect);
    const { env, token, plan } = await roundWithPlan(testDb, 1, 1);
    const resolvedFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bundle-')), 'resolved.json');
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', path.join(root, 'test/helpers/record-resolved-to-file.mjs'), path.join(outdir, 'cli.js'), 'start'], {
      // Started from another folder: the bundle finds its files (page CSS, dist/web) by its own place.
      cwd: os.tmpdir(),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        RESOLVED_MODULES_FILE: resolvedFile,
        ...env,
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    const base = `http://127.0.0.1:${port}`;
    try {
      const until = Date.now() + 90_000;
      for (;;) {
        const ready = await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) break;
        if (child.exitCode !== null) throw new Error('the bundle stopped while starting');
        if (Date.now() > until) throw new Error('the bundle did not start within 90 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      const page = await fetch(`${base}/r/${token}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('name="consentVersion"');
      // Read at start beside the source file (src/http/public-page.css, then the form's own CSS).
      const css = await (await fetch(`${base}/r-assets/form.css`)).text();
      expect(css).toContain('/* The respondent form: readable on a 320 px phone, large targets, visible focus, AA contrast. */');

      const submit = await respondentOf(base, token);
      const [planned] = plan;
      if (!planned) throw new Error('no planned response');
      expect(await submit(planned.id, planned.answers)).toMatchObject({ status: 200 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    await testDb.dispose();

    const resolved = JSON.parse(fs.readFileSync(resolvedFile, 'utf8')) as string[];
    fs.rmSync(path.dirname(resolvedFile), { recursive: true, force: true });
    const packages = new Set(resolved.map(packageOf).filter(Boolean));
    // The recorder works: what every start needs is seen, and the bundle's own files.
    expect(packages.has('fastify')).toBe(true);
    expect(packages.has('kysely')).toBe(true);
    expect(resolved.some((url) => url.endsWith('/cli.js') && url.includes('/dist/server-test-'))).toBe(true);
    // No TypeScript compiled: no source file and no compiler.
    expect(resolved.filter((url) => /\.tsx?$/.test(url))).toEqual([]);
    expect(packages.has('tsx')).toBe(false);
    expect(packages.has('esbuild')).toBe(false);
    for (const heavy of HEAVY) expect(packages.has(heavy), `${heavy} was loaded`).toBe(false);
  }, 180_000);
});
