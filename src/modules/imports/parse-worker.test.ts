import { describe, expect, it } from 'vitest';
import { packRow, unpackRow } from './parse-worker.ts';

describe('rows packed to cross between threads', () => {
  it('come back cell for cell, whatever the cells hold', () => {
    const rows = [[], [''], ['', ''], ['a', 'b;c', '"d"'], ['met\u0000nul', 'x'], ['\u0001begin', 'y'], ['\u0001'], ['é', '😀', '\r\n']];
    for (const cells of rows) expect(unpackRow(packRow(cells))).toEqual(cells);
  });

  it('are one plain string per row when no cell holds a NUL', () => {
    expect(packRow(['a', 'b', ''])).toBe('a\u0000b\u0000');
    expect(packRow(['met\u0000nul'])).toBe('\u0001["met\\u0000nul"]');
  });
});
