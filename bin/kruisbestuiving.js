#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so there is no separate server build step.
// The project's tsconfig is named explicitly: run from another folder, tsx would not find it and
// would compile the .tsx pages without the automatic JSX runtime.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli.ts');
