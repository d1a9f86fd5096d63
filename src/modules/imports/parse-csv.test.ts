import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows, decodeText, decodeWindows1252, detectDelimiter, parseCsv, parseLocaleNumber } from './parse-csv.ts';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const ok = (input: Uint8Array | string) => {
  const result = parseCsv(input);
  if (!result.ok) throw new Error(`not ok: ${result.reason} at ${result.line}`);
  return result;
};

describe('decoding', () => {
  it('reads UTF-8 and drops the byte order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'café;ë'))).toEqual({ text: 'café;ë', encoding: 'utf-8' });
    expect(decodeText(bytes('café'))).toEqual({ text: 'café', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "é" is 0xE9, "€" 0x80 and "’" 0x92 in Windows-1252: none of them is valid UTF-8 on its own.
    expect(decodeText(bytes('caf', [0xe9], ' ', [0x80], ' ', [0x92]))).toEqual({ text: 'café € ’', encoding: 'windows-1252' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a;', [0xe9]))).toEqual({ text: 'a;é', encoding: 'windows-1252' });
  });

  it('maps every Windows-1252 byte from 0x80 to 0x9F', () => {
    const text = decodeWindows1252(new Uint8Array(Array.from({ length: 32 }, (_, i) => 0x80 + i)));
    expect(text).toHaveLength(32);
    expect([text[0], text[0x12], text[0x13], text[0x1f]]).toEqual(['€', '’', '“', 'Ÿ']);
  });

  it('reads UTF-16 with a byte order mark (Excel "Unicode text")', () => {
    const le = [0xff, 0xfe, ...[...'a\tb'].flatMap((c) => [c.charCodeAt(0), 0])];
    expect(decodeText(new Uint8Array(le))).toEqual({ text: 'a\tb', encoding: 'utf-16le' });
  });
});

describe('the delimiter', () => {
  it.each([
    ['a;b;c', ';'],
    ['a,b,c', ','],
    ['a\tb\tc', '\t'],
    ['"x;y",b,c', ','],
    ['"a,b";c', ';'],
    ['a;b,c', ';'],
    ['alleen', ';'],
    ['a;b\nc,d,e,f', ';'],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('is read from the header even when blank lines come first', () => {
    expect(ok('\r\n\r\na,b\r\n1,2').delimiter).toBe(',');
  });
});

describe('parseCsv', () => {
  it('reads a Dutch Excel file: BOM, semicolons, CRLF, quoted cells with ; and line breaks, trailing empty lines', () => {
    const file = bytes(
      [0xef, 0xbb, 0xbf],
      'id;rollen;opmerking;uren\r\n1;"Kritische stem; Brugfiguur";"Eerste regel\r\ntweede ""regel""";7,5\r\n2;Brugfiguur;;12\r\n\r\n;;;\r\n',
    );
    const result = ok(file);
    expect(result.encoding).toBe('utf-8');
    expect(result.delimiter).toBe(';');
    expect(result.header).toEqual(['id', 'rollen', 'opmerking', 'uren']);
    expect(result.headerLine).toBe(1);
    expect(result.rows).toEqual([
      { line: 2, cells: ['1', 'Kritische stem; Brugfiguur', 'Eerste regel\r\ntweede "regel"', '7,5'] },
      { line: 4, cells: ['2', 'Brugfiguur', '', '12'] },
    ]);
  });

  it('reads a Windows-1252 file with accents', () => {
    const result = ok(bytes('naam;sector\n', 'Ren', [0xe9], ';GGZ\n'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.rows[0]?.cells).toEqual(['René', 'GGZ']);
  });

  it('keeps empty cells and ragged rows as they are', () => {
    const result = ok('a,b,c\n1,,3\n4\n5,6,7,8\n,,\n9,"",""');
    expect(result.rows).toEqual([
      { line: 2, cells: ['1', '', '3'] },
      { line: 3, cells: ['4'] },
      { line: 4, cells: ['5', '6', '7', '8'] },
      { line: 6, cells: ['9', '', ''] },
    ]);
  });

  it('counts lines for LF, CRLF and a lone CR, and a multi-line cell from where it starts', () => {
    const result = ok('h1;h2\r"a\nb\r\nc";x\n\ny;z\r\nw;"v"');
    expect(result.rows.map((r) => r.line)).toEqual([2, 6, 7]);
    expect(result.rows[0]?.cells[0]).toBe('a\nb\r\nc');
  });

  it('a delimiter at the very end is an empty last cell', () => {
    expect(ok('a;b;\n1;2;').rows).toEqual([{ line: 2, cells: ['1', '2', ''] }]);
  });

  it('is lenient with text after a closing quote, like Excel', () => {
    expect(ok('a;b\n"x"y;"z" ').rows[0]?.cells).toEqual(['xy', 'z ']);
  });

  it('tab-separated with quotes', () => {
    expect(ok('a\tb\n"1\t2"\t3').rows[0]?.cells).toEqual(['1\t2', '3']);
  });

  it('reports a quote that is never closed, with the line it opens on', () => {
    expect(parseCsv('a;b\n1;2\n3;"open\nen nooit\ndicht')).toEqual({ ok: false, line: 3, reason: 'unterminated_quote' });
    expect(parseCsv('"a;b')).toEqual({ ok: false, line: 1, reason: 'unterminated_quote' });
  });

  it('an empty file or only blank lines has no header', () => {
    expect(parseCsv('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseCsv('\r\n;;\r\n')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('trims the header but not the cells', () => {
    const result = ok(' a ; b \n 1 ; 2 ');
    expect(result.header).toEqual(['a', 'b']);
    expect(result.rows[0]?.cells).toEqual([' 1 ', ' 2 ']);
  });

  it('reads back whatever a spreadsheet writes (property)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', ' ', ';', ',', '"', '""', '\r\n', '\n', 'é', 'a;b', 'x"y', '\t'));
    const quote = (s: string) => (/[";,\t\r\n]/.test(s) || s.startsWith(' ') ? `"${s.replaceAll('"', '""')}"` : s);
    fc.assert(
      fc.property(
        fc.constantFrom(';', ',', '\t'),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        (d, width, table, eol) => {
          const header = Array.from({ length: width }, (_, i) => `k${i}`);
          const body = table.map((r) => r.slice(0, width)).filter((r) => r.some((c) => c.trim() !== ''));
          const text = [header, ...body].map((r) => r.map(quote).join(d)).join(eol);
          const delimiter = d as ';' | ',' | '\t';
          const rows = [...csvRows(text, delimiter)];
          expect(rows.map((r) => r.cells)).toEqual([header, ...body]);
        },
      ),
    );
  });
});

describe('parseLocaleNumber', () => {
  it.each([
    ['7,5', 7.5],
    ['7.5', 7.5],
    [' 12 ', 12],
    ['-3', -3],
    ['+4,0', 4],
    [',5', 0.5],
    ['12,', 12],
    ['-0', 0],
  ])('%j → %d', (text, n) => {
    expect(parseLocaleNumber(text)).toBe(n);
  });

  it.each(['', 'zeven', '1.234,5', '1,2,3', '7 uur', '1e3', 'NaN'])('%j is not a number', (text) => {
    expect(parseLocaleNumber(text)).toBeUndefined();
  });
});
