import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A library loaded when it is first used, not when the server starts, for code that must stay
 * synchronous (an `await import()` would make every caller async). `require` gives the package's
 * CommonJS build, the same API as its ES module one. Each library named here is one every start
 * would otherwise load and keep (its source text, compiled code and whatever it builds) while most
 * processes never use it; test/performance/lazy-heavy-modules.test.ts lists them.
 *
 * Use: `const fflate = lazyRequire<typeof import('fflate')>('fflate');` then `fflate().zipSync(...)`.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}
