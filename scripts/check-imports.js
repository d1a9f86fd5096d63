#!/usr/bin/env node
// `npm run lint` runs this after Biome: the import rules of the architecture (docs/architecture.md),
// checked on every import of src/ and web/src, with the known breaks listed in import-rules.config.js;
// and the tables a module names in its queries (another module's tables are reached through its API).
// Biome's noRestrictedImports cannot tell `import type` from a value import, and dependency-cruiser
// needs the TypeScript compiler API, which TypeScript 7 no longer has; the parser here is the one Vite
// already uses (oxc, through rolldown).
// It also fails on a file in src/ or web/src over 400 lines.
// `node scripts/check-imports.js --stats` also prints the module pairs and the files over 400 lines.
import fs from 'node:fs';
import path from 'node:path';
import { knownViolations } from '../import-rules.config.js';
import { broken, brokenByTable, importsOf, moduleOf, resolve, rules, tablesNamedIn, walk } from './import-rules.js';

const root = path.resolve(import.meta.dirname, '..');
const roots = ['src', 'web/src'];
const isTest = (file) => /\.test\.tsx?$/.test(file);

const files = roots.flatMap((r) => walk(path.join(root, r)));
const violations = [];
const modulePairs = new Map();
for (const file of files) {
  const from = path.relative(root, file).split(path.sep).join('/');
  for (const { source, typeOnly } of importsOf(file)) {
    const resolved = resolve(file, source);
    if (!resolved) continue;
    const to = path.relative(root, resolved).split(path.sep).join('/');
    const [a, b] = [moduleOf(from), moduleOf(to)];
    if (a && b && a !== b && !isTest(from)) modulePairs.set(`${a} → ${b}`, (modulePairs.get(`${a} → ${b}`) ?? 0) + 1);
    if (isTest(from)) continue;
    for (const rule of broken(from, to, typeOnly)) violations.push({ rule, from, to });
  }
  if (isTest(from) || !moduleOf(from)) continue;
  for (const table of tablesNamedIn(file)) for (const rule of brokenByTable(from, table)) violations.push({ rule, from, to: `table ${table}` });
}

const key = (v) => `${v.rule} ${v.from} ${v.to}`;
const known = new Set(knownViolations.map(([rule, from, to]) => `${rule} ${from} ${to}`));
for (const [rule] of knownViolations) if (!rules[rule]) throw new Error(`import-rules.config.js names an unknown rule: ${rule}`);
const found = new Set(violations.map(key));
const fresh = violations.filter((v) => !known.has(key(v)));
const fixed = [...known].filter((k) => !found.has(k));

// Small files with one clear job: a file in src/ or web/src over this many lines fails the lint.
const MAX_LINES = 400;
const long = files
  .map((f) => [path.relative(root, f), fs.readFileSync(f, 'utf8').split('\n').length - 1])
  .filter(([, n]) => n > MAX_LINES)
  .sort((x, y) => y[1] - x[1]);

if (process.argv.includes('--stats')) {
  const pairs = [...modulePairs.keys()].sort();
  const storeReaches = violations.filter((v) => v.rule === 'no-foreign-store' && !v.to.startsWith('table ')).length;
  const tableReaches = violations.filter((v) => v.rule === 'no-foreign-store' && v.to.startsWith('table ')).length;
  console.log(`${pairs.length} cross-module import pairs (module A imports module B, tests left out):\n  ${pairs.join('\n  ')}`);
  console.log(`${storeReaches} imports of another module's store`);
  console.log(`${tableReaches} files naming another module's checked tables in a query`);
  console.log(`${long.length} files over ${MAX_LINES} lines in src/ and web/src:\n  ${long.map(([f, n]) => `${f} (${n})`).join('\n  ')}`);
  const byRule = Object.keys(rules).map((r) => `  ${r}: ${violations.filter((v) => v.rule === r).length}`);
  console.log(`rule breaks, known ones included:\n${byRule.join('\n')}`);
}

for (const v of fresh) console.error(`${v.from} ${v.to.startsWith('table ') ? 'queries' : 'imports'} ${v.to}\n  breaks "${v.rule}": ${rules[v.rule]}`);
// A fixed exception only warns, so branches that repair a break merge without touching the list.
for (const k of fixed) console.warn(`no longer broken, please remove it from import-rules.config.js: ${k}`);
if (fresh.length) {
  console.error(`\nImport rules: ${fresh.length} new break(s). Fix the import or query; see docs/architecture.md.`);
  process.exit(1);
}
if (long.length) {
  console.error(`Files over ${MAX_LINES} lines (split them along their seams, one job per file):\n  ${long.map(([f, n]) => `${f} (${n})`).join('\n  ')}`);
  process.exit(1);
}
console.log(`Import rules: ${files.length} files checked, no new breaks (${known.size} known exceptions in import-rules.config.js).`);
