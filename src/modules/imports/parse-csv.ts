/**
 * CSV as spreadsheets write it, Dutch Excel in particular: `;` between cells (also `,` or tab,
 * read from the header line), UTF-8 with or without a byte order mark or Windows-1252, quoted
 * cells with `""` for a quote and line breaks inside, CRLF or LF. Pure: bytes or text in, rows out.
 */

export type SourceRow = {
  /** The line of the file the row starts on (1-based); a quoted cell over several lines counts from its start. */
  line: number;
  cells: string[];
};

export type Delimiter = ';' | ',' | '\t';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unterminated_quote',
  ) {
    super(`${reason} at line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * UTF-8 (a byte order mark is dropped) when the bytes are valid UTF-8, UTF-16 when a byte order
 * mark says so (Excel's "Unicode text"), otherwise Windows-1252, which Excel uses for "CSV" on
 * Dutch Windows. Every byte sequence decodes: a wrong guess shows, it never fails.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // A UTF-8 mark with invalid bytes after it (text pasted from elsewhere): the mark is still not text.
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, ‘ ’ “ ” …); five of those bytes are unused. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters, so
 * those are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The separator used most often outside quotes on the first line; `;` when there is none or a tie. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  const order: Delimiter[] = [';', '\t', ','];
  return order.reduce((best, d) => (counts[d] > counts[best] ? d : best), ';');
}

/** Line breaks between from and to: CRLF, LF and a lone CR each count once. */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/** The index of the next delimiter or line break from `from` (or the end). */
function endOfCell(text: string, from: number, delimiter: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === delimiter || c === LF || c === CR) break;
  }
  return i;
}

/**
 * The rows of a CSV text, one at a time, so a large file is never held twice. Rows in which every
 * cell is empty (blank lines, `;;;` lines Excel leaves behind) are skipped; their lines still count.
 * Throws CsvSyntaxError for a quote that is never closed.
 */
export function* csvRows(text: string, delimiter: Delimiter): Generator<SourceRow> {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) throw new CsvSyntaxError(quoteLine, 'unterminated_quote');
          value += text.slice(j, q);
          line += countBreaks(text, j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // Excel is lenient about text after a closing quote ("a"b); so are we: it belongs to the cell.
        const end = endOfCell(text, i, d);
        cells.push(value + text.slice(i, end));
        i = end;
      } else {
        const end = endOfCell(text, i, d);
        cells.push(text.slice(i, end));
        i = end;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n) cells.push('');
        else continue;
        break;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (cells.some((cell) => cell.trim() !== '')) yield { line: startLine, cells };
  }
}

export type CsvTable = {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  /** The first non-blank row, trimmed. */
  header: string[];
  headerLine: number;
  rows: SourceRow[];
};

export type CsvResult = ({ ok: true } & CsvTable) | { ok: false; line: number; reason: 'unterminated_quote' | 'empty' };

/** The whole file at once: for small files and tests. The import itself reads row by row with csvRows. */
export function parseCsv(input: Uint8Array | string): CsvResult {
  const { text, encoding } = typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const } : decodeText(input);
  const delimiter = detectDelimiter(firstNonBlankLine(text));
  try {
    const [head, ...rows] = [...csvRows(text, delimiter)];
    if (!head) return { ok: false, line: 1, reason: 'empty' };
    return { ok: true, encoding, delimiter, header: head.cells.map((c) => c.trim()), headerLine: head.line, rows };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, line: error.line, reason: error.reason };
    throw error;
  }
}

/** The text from the first line that has something on it: blank lines above a header are common. */
export function firstNonBlankLine(text: string): string {
  const match = /[^\s]/.exec(text);
  if (!match) return '';
  const start = Math.max(text.lastIndexOf('\n', match.index), text.lastIndexOf('\r', match.index)) + 1;
  return text.slice(start);
}

/**
 * A number as people type it in Dutch or English: "7,5" and "7.5" are both 7.5, "-3" is -3.
 * Thousands separators are not read ("1.234" would be ambiguous). `undefined` when it is not a number.
 */
export function parseLocaleNumber(value: string): number | undefined {
  const text = value.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n + 0 : undefined;
}
