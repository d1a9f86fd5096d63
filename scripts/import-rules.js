// The import rules of the architecture (docs/architecture.md) as functions, for
// scripts/check-imports.js and its test (test/lint/import-rules.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';

const sourceFile = /\.(ts|tsx)$/;
/** Server files the web app may import values from: plain data and pure functions, no server code. */
export const isShared = (file) => /\.shared\.ts$/.test(file);

export const rules = {
  'web-imports-server-types-only': 'the web app imports server code only with `import type`, or values from a `*.shared.ts` file',
  'shared-imports-shared-only': 'a `*.shared.ts` file (bundled into the web app too) takes values only from other `*.shared.ts` files',
  'routes-call-services': 'a route reaches data through a service, never through a store',
  'layers-point-down': 'routes → services → stores: a store imports no service or route (nor HTTP), a service imports no route',
  'no-foreign-store': 'a module reaches another module through its service or model, never its store nor its tables by name',
  'core-and-db-import-no-module': 'src/core and src/db import no module',
  'pure-analysis-core': 'the analysis core is pure: no database, HTTP, store or service',
};

export function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every import in a file's code: { source, typeOnly }. */
export function importsOf(file, code = fs.readFileSync(file, 'utf8')) {
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

export function resolve(from, source) {
  if (!source.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), source);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return base;
}

export const moduleOf = (file) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;
export function layerOf(file) {
  const name = path.basename(file).replace(sourceFile, '');
  if (!moduleOf(file)) return null;
  if (/(^|-)routes$/.test(name)) return 'routes';
  if (/(^|-)service$/.test(name)) return 'service';
  if (/(^|-)store$/.test(name)) return 'store';
  return null;
}

/** The rules an import breaks; `from` and `to` are paths from the project root, with `/`. */
export function broken(from, to, typeOnly) {
  const out = [];
  const inServer = to.startsWith('src/');
  if (from.startsWith('web/') && inServer && !typeOnly && !isShared(to)) out.push('web-imports-server-types-only');
  if (isShared(from) && !typeOnly && !isShared(to)) out.push('shared-imports-shared-only');
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

/**
 * Tables only their owning module may name in a query; every other module goes through the API the
 * owner publishes (for the survey answers: rounds/answers.ts and rounds/bulk-load.ts). A table not
 * listed here is not checked yet.
 */
export const ownedTables = {
  rounds: ['responses', 'answers', 'answer_value_tallies', 'answer_answered_tallies', 'answer_choice_set_tallies'],
};
const ownerOfTable = new Map(Object.entries(ownedTables).flatMap(([module, tables]) => tables.map((t) => [t, module])));

/** Kysely methods whose first argument names a table (`'answers'`, `'answers as a'`, or a list of them). */
const tableMethods = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'using',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'table',
]);
const tableName = (text) =>
  text
    .trim()
    .split(/\s+as\s+/i)[0]
    .trim()
    .split('.')
    .at(-1);
const rawTableReference = /\b(?:from|join|into|update|table)\s+"?([a-z_][a-z0-9_]*)"?/gi;

/** The checked tables (ownedTables) a file's code names in a query: Kysely calls and raw `sql` templates. */
export function tablesNamedIn(file, code = fs.readFileSync(file, 'utf8')) {
  const ast = parseAst(code, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }, file);
  const found = new Set();
  const note = (name) => {
    if (ownerOfTable.has(name)) found.add(name);
  };
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (node.type === 'CallExpression' && node.callee?.type === 'MemberExpression' && tableMethods.has(node.callee.property?.name)) {
      const first = node.arguments?.[0];
      const literals = first?.type === 'ArrayExpression' ? first.elements : [first];
      for (const arg of literals) if (arg?.type === 'Literal' && typeof arg.value === 'string') note(tableName(arg.value));
    }
    if (node.type === 'TaggedTemplateExpression' && node.tag?.type === 'Identifier' && node.tag.name === 'sql')
      for (const quasi of node.quasi.quasis) for (const match of quasi.value.raw.matchAll(rawTableReference)) note(match[1].toLowerCase());
    for (const key in node) if (key !== 'parent' && typeof node[key] === 'object') visit(node[key]);
  };
  visit(ast.body);
  return [...found].sort();
}

/** The rules a module's file breaks by naming `table` in a query (`from` is a path from the project root, with `/`). */
export function brokenByTable(from, table) {
  const owner = ownerOfTable.get(table);
  const module = moduleOf(from);
  return owner && module && module !== owner ? ['no-foreign-store'] : [];
}
