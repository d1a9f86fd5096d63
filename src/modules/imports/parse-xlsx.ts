import { Readable } from 'node:stream';
import type { SourceRow } from './parse-csv.ts';
import { checkZip } from './zip-guard.ts';

/**
 * The first worksheet (or a named one) of an .xlsx file as rows of strings, read as a stream so a
 * large sheet never becomes a workbook in memory. Cells become text as a person sees them: a number
 * its number, a date its day (YYYY-MM-DD), rich text its plain text, a formula its last result as
 * Excel saved it (never evaluated), true/false 1/0, an error its code (#N/A).
 */

export type XlsxLimits = { maxRows: number; maxColumns: number; maxUncompressedBytes: number };

export type XlsxProblem =
  | { reason: 'not_xlsx' }
  | { reason: 'no_sheets' }
  | { reason: 'no_sheet'; sheet: string }
  | { reason: 'too_many_rows' | 'too_many_columns'; line: number }
  | { reason: 'too_large' };

export class XlsxError extends Error {
  constructor(readonly problem: XlsxProblem) {
    super(problem.reason);
    this.name = 'XlsxError';
  }
}

export type XlsxSheet = {
  sheet: string;
  header: string[];
  headerLine: number;
  rowCount: number;
  /** The rows below the header; may be called again (each call reads the kept rows anew). */
  rows: () => Generator<SourceRow>;
};

/**
 * Rows are kept packed, one string per row with NUL between cells (XML cannot hold NUL, so no cell
 * contains one): a sheet of 100,000 rows then costs about its text, not millions of small strings.
 */
class PackedRows {
  readonly lines: number[] = [];
  readonly packed: string[] = [];

  push(row: SourceRow): void {
    this.lines.push(row.line);
    this.packed.push(row.cells.join('\u0000'));
  }

  get length(): number {
    return this.lines.length;
  }

  *rows(): Generator<SourceRow> {
    for (let i = 0; i < this.lines.length; i++) yield { line: this.lines[i] ?? 0, cells: (this.packed[i] ?? '').split('\u0000') };
  }
}

const isDateFormat = (format: string | undefined): boolean =>
  !!format &&
  /[ymd]/i.test(
    format
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );

const day = (date: Date): string => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

/** Excel's day numbers (1900 system) to a day; 1904-based workbooks are rare enough to ignore. */
const serialToDay = (serial: number): string => day(new Date(Math.round((serial - 25569) * 86_400_000)));

type CellLike = { value: unknown; numFmt?: string };

export function cellText(cell: CellLike): string {
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return day(value);
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((part) => part.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (typeof result === 'number' && isDateFormat(numFmt)) return serialToDay(result);
    return valueText(result, undefined);
  }
  if ('error' in v) return String(v.error);
  if ('text' in v) return valueText(v.text, undefined);
  return '';
}

type StreamRow = { number: number; eachCell: (options: { includeEmpty: boolean }, fn: (cell: CellLike, column: number) => void) => void };

type ReadOptions = { sheet?: string | undefined; limits: XlsxLimits; onRow?: (count: number) => void };

/** Reads the sheet into rows of strings. Throws XlsxError for a file that is not one or goes beyond the limits. */
export async function readXlsx(bytes: Uint8Array, options: ReadOptions): Promise<XlsxSheet> {
  // The sizes a zip declares can lie: count what it really unpacks to before exceljs unpacks it.
  const zip = checkZip(bytes, options.limits.maxUncompressedBytes);
  if (!zip.ok) throw new XlsxError({ reason: zip.reason === 'too_large' ? 'too_large' : 'not_xlsx' });
  try {
    return await readInOrder(bytes, options);
  } catch (error) {
    if (!(error instanceof XlsxError) || error.problem.reason !== 'not_xlsx') throw error;
    // exceljs's streaming reader names a sheet from xl/workbook.xml, and fails on a sheet that comes
    // before that part in the archive while the shared strings come before it (exceljs issue 3064;
    // intermittently for files exceljs itself wrote). The same file with the workbook's own parts
    // first reads in any case; a file that is no spreadsheet fails again.
    const reordered = await workbookPartsFirst(bytes);
    if (!reordered) throw error;
    return await readInOrder(reordered, options);
  }
}

/** The workbook parts (relations, workbook, styles, shared strings) first, then the rest, stored uncompressed; null when it is no zip. */
async function workbookPartsFirst(bytes: Uint8Array): Promise<Uint8Array | null> {
  const { unzipSync, zipSync } = await import('fflate');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return null;
  }
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  const ordered: Record<string, Uint8Array> = {};
  for (const name of first) if (files[name]) ordered[name] = files[name];
  for (const [name, data] of Object.entries(files)) if (!(name in ordered)) ordered[name] = data;
  return zipSync(ordered, { level: 0 });
}

async function readInOrder(bytes: Uint8Array, options: ReadOptions): Promise<XlsxSheet> {
  // exceljs is large and only needed when someone imports a spreadsheet: load it then.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const { limits } = options;
  let header: string[] | undefined;
  let headerLine = 0;
  const rows = new PackedRows();
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as { name?: string; [Symbol.asyncIterator]: () => AsyncIterator<StreamRow> };
      const sheets = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
      const wanted = options.sheet ?? sheets[0]?.name;
      if (wanted !== undefined && ws.name !== undefined && ws.name !== wanted) {
        for await (const _row of ws) {
          // Skipped: another sheet.
        }
        continue;
      }
      for await (const row of ws) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          if (column > limits.maxColumns) throw new XlsxError({ reason: 'too_many_columns', line: row.number });
          cells[column - 1] = cellText(cell);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        if (!cells.some((c) => c.trim() !== '')) continue;
        if (!header) {
          header = cells.map((c) => c.trim());
          headerLine = row.number;
          continue;
        }
        if (rows.length >= limits.maxRows) throw new XlsxError({ reason: 'too_many_rows', line: row.number });
        rows.push({ line: row.number, cells });
        options.onRow?.(rows.length);
      }
      return { sheet: ws.name ?? wanted ?? '', header: header ?? [], headerLine, rowCount: rows.length, rows: () => rows.rows() };
    }
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError({ reason: 'not_xlsx' });
  }
  throw new XlsxError(options.sheet ? { reason: 'no_sheet', sheet: options.sheet } : { reason: 'no_sheets' });
}
