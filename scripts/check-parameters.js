#!/usr/bin/env node
import fs from 'node:fs';
// `npm run lint` runs this after the import rules: a function in src/ or web/src takes at most five
// positional parameters; beyond that it takes one object, so a call names what it passes.
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { walk } from './import-rules.js';

export const MAX_POSITIONAL = 5;
const functionTypes = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'TSDeclareFunction',
  'TSMethodSignature',
  'TSFunctionType',
  'TSCallSignatureDeclaration',
  'TSConstructSignatureDeclaration',
]);

/** Every function of a file's code with more than MAX_POSITIONAL parameters: { line, count }. */
export function tooManyParameters(file, code = fs.readFileSync(file, 'utf8')) {
  const ast = parseAst(code, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }, file);
  const lineOf = (offset) => code.slice(0, offset).split('\n').length;
  const found = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (functionTypes.has(node.type)) {
      const params = node.params?.items ?? node.params ?? node.parameters ?? [];
      const count = Array.isArray(params) ? params.filter((p) => p.type !== 'RestElement').length : 0;
      if (count > MAX_POSITIONAL) found.push({ line: lineOf(node.start), count });
    }
    for (const key in node) if (key !== 'parent' && typeof node[key] === 'object') visit(node[key]);
  };
  visit(ast.body);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, '..');
  const files = ['src', 'web/src'].flatMap((r) => walk(path.join(root, r))).filter((f) => !/\.test\.tsx?$/.test(f));
  let breaks = 0;
  for (const file of files)
    for (const { line, count } of tooManyParameters(file)) {
      breaks++;
      console.error(`${path.relative(root, file)}:${line}: ${count} positional parameters; take one object instead (at most ${MAX_POSITIONAL}).`);
    }
  if (breaks) {
    console.error(`\nParameters: ${breaks} function(s) with more than ${MAX_POSITIONAL} positional parameters.`);
    process.exit(1);
  }
  console.log(`Parameters: ${files.length} files checked, no function with more than ${MAX_POSITIONAL} positional parameters.`);
}
