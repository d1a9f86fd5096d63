import type { MessagePort } from 'node:worker_threads';
import type { Language } from '../../core/language.ts';
import type { SourceRow } from './parse-csv.ts';
import { type ImportFormat, readTable, type SourceTable } from './table.ts';

/**
 * Reading an uploaded file (decoding and parsing CSV, unzipping and parsing an .xlsx) in a worker
 * thread. The rows come back packed (one string per row, as parse-xlsx.ts keeps them), so crossing
 * back costs about the text of the file, not millions of small strings.
 */
export type ParseWorkerJob = {
  task: 'import';
  content: Uint8Array;
  fileName: string;
  format?: ImportFormat | undefined;
  sheet?: string | undefined;
  lang: Language;
};

/** A table as it crosses between threads: rows packed, cells apart by NUL (JSON after \u0001 when a cell holds a NUL). */
export type PackedTable = Omit<SourceTable, 'rows'> & { lines: number[]; packed: string[] };

const SEPARATOR = '\u0000';
const AS_JSON = '\u0001';

export function packRow(cells: string[]): string {
  const joined = cells.join(SEPARATOR);
  const plain = !joined.startsWith(AS_JSON) && cells.every((cell) => !cell.includes(SEPARATOR)) && cells.length > 0;
  return plain ? joined : AS_JSON + JSON.stringify(cells);
}

export const unpackRow = (packed: string): string[] => (packed.startsWith(AS_JSON) ? (JSON.parse(packed.slice(1)) as string[]) : packed.split(SEPARATOR));

export async function runParseJob(port: MessagePort, job: ParseWorkerJob): Promise<PackedTable> {
  const table = await readTable(job.content, {
    fileName: job.fileName,
    format: job.format,
    sheet: job.sheet,
    lang: job.lang,
    onRow: (n) => {
      if (n % 1000 === 0) port.postMessage({ type: 'progress', done: n });
    },
  });
  const { rows, ...rest } = table;
  const lines: number[] = [];
  const packed: string[] = [];
  for (const row of rows()) {
    lines.push(row.line);
    packed.push(packRow(row.cells));
  }
  return { ...rest, lines, packed };
}

/** The table back on the request thread: rows unpacked each time they are gone through. */
export function unpackTable({ lines, packed, ...rest }: PackedTable): SourceTable {
  return {
    ...rest,
    rows: function* (): Generator<SourceRow> {
      for (let i = 0; i < lines.length; i++) yield { line: lines[i] ?? 0, cells: unpackRow(packed[i] ?? '') };
    },
  };
}
