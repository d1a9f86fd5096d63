#!/usr/bin/env node
// `npm run build` (after the web app): bundles the server's TypeScript into plain JavaScript in
// dist/server, so `bin/kruisbestuiving.js` can run it without compiling the sources at every start
// (tsx, its esbuild process and the compiled sources cost about 85 MiB of memory; see docs/performance.md).
//
// - Every package stays external: Node loads them from node_modules as it would from the sources,
//   native ones included, and a library imported with `await import()` is still loaded at first use.
// - The code is split at every `await import()` (ES module chunks beside cli.js), so what a command
//   or a rarely used route loads later is still loaded later.
// - Files the sources read beside themselves (`import.meta.dirname`, `import.meta.url`: page CSS and
//   scripts, the password list, dist/web) are still read from src/: each is rewritten to the address
//   of the original source file, relative to the bundle.
// - dist/server/build.json lists the files the bundle was made from and when; the bin runs the bundle
//   only when none of them changed since, and runs the sources through tsx otherwise.
//
// `node scripts/build-server.js [outdir]` (default dist/server; the bundle must stay inside the
// project, so Node finds node_modules from it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
/** Besides the sources, what decides how they are compiled. */
const CONFIG_INPUTS = ['tsconfig.json', 'scripts/build-server.js'];

/** Rewrites `import.meta.dirname` and `import.meta.url` of a source file to that file's own place, seen from the bundle. */
const sourceLocations = (outdir) => ({
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const fromBundle = path.relative(outdir, args.path).split(path.sep).join('/');
      const dirUrl = `new URL(${JSON.stringify(`${path.posix.dirname(fromBundle)}/`)}, import.meta.url)`;
      const location = {
        url: `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
        dirname: `__sourceFileURLToPath(${dirUrl}).slice(0, -1)`,
      };
      return {
        contents: text.replace(/\bimport\.meta\.(dirname|url)\b/g, (_, what) => location[what]),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      };
    });
  },
});

/**
 * Escapes every character outside ASCII (in comments, strings and regular expressions alike; a
 * \uXXXX escape means the same character in each). V8 keeps the source text of every loaded module,
 * and one such character makes it keep a whole chunk two bytes per character: the two largest
 * chunks took 1.6 MiB instead of 0.8. esbuild's `charset: 'ascii'` leaves comments and regular
 * expressions as they are.
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  // A backslash before the character (an identity escape, `\é` for `é`) is dropped, not doubled.
  const ascii = text.replace(/(\\*)([^ -~\t\n\r])/g, (_, slashes, c) => {
    const kept = slashes.length % 2 ? slashes.slice(1) : slashes;
    return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  if (ascii !== text) fs.writeFileSync(file, ascii);
}

export async function buildServer(outdir = path.join(root, 'dist/server')) {
  const builtAt = Date.now();
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    // The worker thread's entry (src/core/off-thread.ts starts dist/server/worker.js from the bundle).
    entryPoints: ['src/cli.ts', 'src/worker.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    // Chunks beside cli.js: every output file then has the same path to src/.
    chunkNames: '[name]-[hash]',
    banner: { js: "import { fileURLToPath as __sourceFileURLToPath } from 'node:url';" },
    plugins: [sourceLocations(outdir)],
    metafile: true,
    logLevel: 'warning',
  });
  for (const file of Object.keys(result.metafile.outputs)) if (file.endsWith('.js')) asciiOnly(path.join(root, file));
  const inputs = [...Object.keys(result.metafile.inputs), ...CONFIG_INPUTS].sort();
  fs.writeFileSync(path.join(outdir, 'build.json'), `${JSON.stringify({ builtAt, inputs }, null, 1)}\n`);
  return { outputs: Object.keys(result.metafile.outputs).length, inputs: inputs.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const outdir = path.resolve(process.argv[2] ?? path.join(root, 'dist/server'));
  const { outputs, inputs } = await buildServer(outdir);
  console.log(`The server is bundled in ${path.relative(process.cwd(), outdir) || '.'}: ${outputs} files from ${inputs} sources.`);
}
