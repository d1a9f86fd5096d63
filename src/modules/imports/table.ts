import type { Language } from '../../core/language.ts';
import { importMessages } from './messages.ts';
import { CsvSyntaxError, csvRows, decodeText, detectDelimiter, firstNonBlankLine, type SourceRow } from './parse-csv.ts';
import { readXlsx, XlsxError } from './parse-xlsx.ts';

export type { SourceRow } from './parse-csv.ts';
export type ImportFormat = 'csv' | 'xlsx';

/** A file read into a header and rows that can be gone through more than once (check, then store). */
export type SourceTable = {
  format: ImportFormat;
  header: string[];
  headerLine: number;
  rowCount: number;
  rows: () => Iterable<SourceRow>;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
};

export const importLimits = {
  /** CSV is plain text: 30 MB holds 100,000 rows of the full questionnaire. */
  maxCsvBytes: 30 * 1024 * 1024,
  maxXlsxBytes: 10 * 1024 * 1024,
  /** What an .xlsx may unpack to: it is a zip, and a small zip can unpack to gigabytes. */
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 1000,
} as const;

export type ImportLimits = typeof importLimits;

/** A file that cannot be read at all: one message, with the line when there is one. */
export class ImportFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** The format from the caller, else from the first bytes, else from the file name. */
export function detectFormat(bytes: Uint8Array, fileName: string, format: ImportFormat | undefined, lang: Language): ImportFormat {
  if (format) return format;
  const msg = importMessages(lang);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new ImportFileError(0, msg.oldExcel);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xls') throw new ImportFileError(0, msg.oldExcel);
  return extension === 'xlsx' ? 'xlsx' : 'csv';
}

type ReadOptions = {
  fileName: string;
  format?: ImportFormat | undefined;
  sheet?: string | undefined;
  lang: Language;
  limits?: ImportLimits;
  onRow?: (count: number) => void;
};

export async function readTable(bytes: Uint8Array, options: ReadOptions): Promise<SourceTable> {
  const limits = options.limits ?? importLimits;
  const format = detectFormat(bytes, options.fileName, options.format, options.lang);
  return format === 'xlsx' ? readXlsxTable(bytes, limits, options) : readCsvTable(bytes, limits, options);
}

function readCsvTable(bytes: Uint8Array, limits: ImportLimits, options: ReadOptions): SourceTable {
  const msg = importMessages(options.lang);
  if (bytes.length > limits.maxCsvBytes) throw new ImportFileError(0, msg.tooLarge(limits.maxCsvBytes));
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(firstNonBlankLine(text));
  // One pass to find the header, count the rows and catch a broken quote before anything is checked.
  let head: SourceRow | undefined;
  let rowCount = 0;
  try {
    for (const row of csvRows(text, delimiter)) {
      if (row.cells.length > limits.maxColumns) throw new ImportFileError(row.line, msg.tooManyColumns(limits.maxColumns));
      if (!head) {
        head = row;
        continue;
      }
      rowCount++;
      if (rowCount > limits.maxRows) throw new ImportFileError(row.line, msg.tooManyRows(limits.maxRows));
      options.onRow?.(rowCount);
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportFileError(error.line, msg.unterminatedQuote);
    throw error;
  }
  if (!head) throw new ImportFileError(1, msg.emptyFile);
  const headerLine = head.line;
  return {
    format: 'csv',
    encoding,
    delimiter,
    header: head.cells.map((c) => c.trim()),
    headerLine,
    rowCount,
    rows: function* () {
      for (const row of csvRows(text, delimiter)) if (row.line !== headerLine) yield row;
    },
  };
}

async function readXlsxTable(bytes: Uint8Array, limits: ImportLimits, options: ReadOptions): Promise<SourceTable> {
  const msg = importMessages(options.lang);
  if (bytes.length > limits.maxXlsxBytes) throw new ImportFileError(0, msg.tooLarge(limits.maxXlsxBytes));
  try {
    const sheet = await readXlsx(bytes, { sheet: options.sheet, limits, ...(options.onRow ? { onRow: options.onRow } : {}) });
    if (sheet.header.length === 0) throw new ImportFileError(1, msg.emptyFile);
    return { format: 'xlsx', sheet: sheet.sheet, header: sheet.header, headerLine: sheet.headerLine, rowCount: sheet.rowCount, rows: sheet.rows };
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    const p = error.problem;
    switch (p.reason) {
      case 'not_xlsx':
        throw new ImportFileError(0, msg.notXlsx);
      case 'too_large':
        throw new ImportFileError(0, msg.tooLarge(limits.maxUncompressedBytes));
      case 'no_sheets':
        throw new ImportFileError(0, msg.noSheets);
      case 'no_sheet':
        throw new ImportFileError(0, msg.noSheet(p.sheet));
      case 'too_many_rows':
        throw new ImportFileError(p.line, msg.tooManyRows(limits.maxRows));
      case 'too_many_columns':
        throw new ImportFileError(p.line, msg.tooManyColumns(limits.maxColumns));
    }
  }
}
