import { describe, expect, it } from 'vitest';
import { tooManyParameters } from '../../scripts/check-parameters.js';

describe('the parameter count that npm run lint checks', () => {
  it('finds every kind of function with six or more positional parameters, and lets five pass', () => {
    const code = [
      'export function five(a: number, b: number, c: number, d: number, e: number) {}',
      'export async function six(a: number, b: number, c: number, d: number, e: number, f = 1) {}',
      'const arrow = (a: number, b: number, c: number, d: number, e: number, f: number, g: number) => a;',
      'const objectForm = (ctx: unknown, { a, b, c, d, e, f }: { a: 1; b: 1; c: 1; d: 1; e: 1; f: 1 }) => ctx;',
      'type Shape = (a: number, b: number, c: number, d: number, e: number, f: number) => void;',
    ].join('\n');
    expect(tooManyParameters('x.ts', code)).toEqual([
      { line: 2, count: 6 },
      { line: 3, count: 7 },
      { line: 5, count: 6 },
    ]);
  });
});
