#!/usr/bin/env node
// Runs the server bundle in dist/server (made by `npm run build`, see scripts/build-server.js) when it
// is there and none of the files it was made from changed since; otherwise the TypeScript sources,
// compiled at start by tsx (development, tests, a checkout without a build). The bundle needs far less
// memory: no compiler and no compiled sources stay in the process. KRUISBESTUIVING_FROM_SOURCE=1
// always runs the sources.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/server/cli.js', root);

/** The bundle is current when every file listed in its build.json is no newer than the build. */
function bundleIsCurrent() {
  // biome-ignore lint/style/noProcessEnv: read before any code that loads the configuration exists
  if (process.env.KRUISBESTUIVING_FROM_SOURCE === '1') return false;
  try {
    const { builtAt, inputs } = JSON.parse(fs.readFileSync(new URL('dist/server/build.json', root), 'utf8'));
    return fs.existsSync(bundle) && inputs.every((input) => fs.statSync(new URL(input, root)).mtimeMs <= builtAt);
  } catch {
    // No build, an unreadable build.json, or a source file that is gone: run the sources.
    return false;
  }
}

if (bundleIsCurrent()) {
  await import(bundle.href);
} else {
  // The project's tsconfig is named explicitly: run from another folder, tsx would not find it and
  // would compile the .tsx pages without the automatic JSX runtime.
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('tsconfig.json', root)) });
  await import('../src/cli.ts');
}
