#!/usr/bin/env node
// `npm run lint` runs this after Biome: the import rules of the architecture (docs/architecture.md),
// checked on every import of src/ and web/src, with the known breaks listed in import-rules.config.js.
// Biome's noRestrictedImports cannot tell `import type` from a value import, and dependency-cruiser
// needs the TypeScript compiler API, which TypeScript 7 no longer has; the parser here is the one Vite
// already uses (oxc, through rolldown).
// `node scripts/check-imports.js --stats` also prints the module pairs and the files over 400 lines.
import fs from 'node:fs';
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { knownViolations } from '../import-rules.config.js';

const root = path.resolve(import.meta.dirname, '..');
const roots = ['src', 'web/src'];
const sourceFile = /\.(ts|tsx)$/;
const isTest = (file) => /\.test\.tsx?$/.test(file);

const rules = {
  'web-imports-server-types-only': 'the web app imports server code only with `import type`',
  'routes-call-services': 'a route reaches data through a service, never through a store',
  'layers-point-down': 'routes → services → stores: a store imports no service or route (nor HTTP), a service imports no route',
  'no-foreign-store': 'a module reaches another module through its service or model, never its store',
  'core-and-db-import-no-module': 'src/core and src/db import no module',
  'pure-analysis-core': 'the analysis core is pure: no database, HTTP, store or service',
};

function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every import of a file: { source, typeOnly }. */
function importsOf(file) {
  const code = fs.readFileSync(file, 'utf8');
  const ast = parseAst(code, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }, file);
  const found = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    switch (node.type) {
      case 'ImportDeclaration': {
        const specifiers = node.specifiers ?? [];
        const typeOnly = node.importKind === 'type' || (specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type'));
        found.push({ source: node.source.value, typeOnly });
        return;
      }
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (node.source) {
          const specifiers = node.specifiers ?? [];
          const typeOnly = node.exportKind === 'type' || (specifiers.length > 0 && specifiers.every((s) => s.exportKind === 'type'));
          found.push({ source: node.source.value, typeOnly });
          return;
        }
        break;
      case 'ImportExpression':
        if (node.source?.type === 'Literal' && typeof node.source.value === 'string') found.push({ source: node.source.value, typeOnly: false });
        break;
      case 'TSImportType': {
        const literal = node.argument?.literal ?? node.argument ?? node.source;
        if (typeof literal?.value === 'string') found.push({ source: literal.value, typeOnly: true });
        break;
      }
    }
    for (const key in node) if (key !== 'parent' && typeof node[key] === 'object') visit(node[key]);
  };
  visit(ast.body);
  return found;
}

function resolve(from, source) {
  if (!source.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), source);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return base;
}

const moduleOf = (file) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;
function layerOf(file) {
  const name = path.basename(file).replace(sourceFile, '');
  if (!moduleOf(file)) return null;
  if (/(^|-)routes$/.test(name)) return 'routes';
  if (/(^|-)service$/.test(name)) return 'service';
  if (/(^|-)store$/.test(name)) return 'store';
  return null;
}

/** The rules a single import breaks. */
function broken(from, to, typeOnly) {
  const out = [];
  const inServer = to.startsWith('src/');
  if (from.startsWith('web/') && inServer && !typeOnly) out.push('web-imports-server-types-only');
  const fromLayer = layerOf(from);
  const toLayer = layerOf(to);
  const fromModule = moduleOf(from);
  const toModule = moduleOf(to);
  if (fromLayer === 'routes' && toLayer === 'store') out.push('routes-call-services');
  if (
    (fromLayer === 'store' && (toLayer === 'service' || toLayer === 'routes' || to.startsWith('src/http/'))) ||
    (fromLayer === 'service' && toLayer === 'routes')
  )
    out.push('layers-point-down');
  if (fromModule && toModule && fromModule !== toModule && toLayer === 'store') out.push('no-foreign-store');
  if ((from.startsWith('src/core/') || from.startsWith('src/db/')) && toModule) out.push('core-and-db-import-no-module');
  if (from.startsWith('src/modules/analysis/core/') && (to.startsWith('src/db/') || to.startsWith('src/http/') || toLayer === 'store' || toLayer === 'service'))
    out.push('pure-analysis-core');
  return out;
}

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
}

const key = (v) => `${v.rule} ${v.from} ${v.to}`;
const known = new Set(knownViolations.map(([rule, from, to]) => `${rule} ${from} ${to}`));
for (const [rule] of knownViolations) if (!rules[rule]) throw new Error(`import-rules.config.js names an unknown rule: ${rule}`);
const found = new Set(violations.map(key));
const fresh = violations.filter((v) => !known.has(key(v)));
const fixed = [...known].filter((k) => !found.has(k));

if (process.argv.includes('--stats')) {
  const pairs = [...modulePairs.keys()].sort();
  const storeReaches = violations.filter((v) => v.rule === 'no-foreign-store').length;
  const long = files
    .map((f) => [path.relative(root, f), fs.readFileSync(f, 'utf8').split('\n').length - 1])
    .filter(([, n]) => n > 400)
    .sort((x, y) => y[1] - x[1]);
  console.log(`${pairs.length} cross-module import pairs (module A imports module B, tests left out):\n  ${pairs.join('\n  ')}`);
  console.log(`${storeReaches} imports of another module's store`);
  console.log(`${long.length} files over 400 lines in src/ and web/src:\n  ${long.map(([f, n]) => `${f} (${n})`).join('\n  ')}`);
  const byRule = Object.keys(rules).map((r) => `  ${r}: ${violations.filter((v) => v.rule === r).length}`);
  console.log(`rule breaks, known ones included:\n${byRule.join('\n')}`);
}

for (const v of fresh) console.error(`${v.from} imports ${v.to}\n  breaks "${v.rule}": ${rules[v.rule]}`);
// A fixed exception only warns, so branches that repair a break merge without touching the list.
for (const k of fixed) console.warn(`no longer broken, please remove it from import-rules.config.js: ${k}`);
if (fresh.length) {
  console.error(`\nImport rules: ${fresh.length} new break(s). Fix the import; see docs/architecture.md.`);
  process.exit(1);
}
console.log(`Import rules: ${files.length} files checked, no new breaks (${known.size} known exceptions in import-rules.config.js).`);
