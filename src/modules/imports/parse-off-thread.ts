import type { Language } from '../../core/language.ts';
import { runInWorker, WorkerJobError } from '../../core/off-thread.ts';
import { type PackedTable, type ParseWorkerJob, unpackTable } from './parse-worker.ts';
import { ImportFileError, type ImportFormat, type SourceTable } from './table.ts';

/**
 * Reads an uploaded file in a worker thread (parse-worker.ts), so parsing a large spreadsheet does not
 * hold up the requests of others; a file that cannot be read fails as ImportFileError, as readTable does.
 */
export async function readTableOffThread(
  request: { content: Uint8Array; fileName: string; format?: ImportFormat | undefined; sheet?: string | undefined },
  lang: Language,
  onRows: (rows: number) => void,
): Promise<SourceTable> {
  const job: ParseWorkerJob = { task: 'import', content: request.content, fileName: request.fileName, format: request.format, sheet: request.sheet, lang };
  try {
    return unpackTable(await runInWorker<PackedTable>(job, onRows));
  } catch (error) {
    if (error instanceof WorkerJobError && error.failure.name === 'ImportFileError') throw new ImportFileError(error.failure.line ?? 0, error.failure.message);
    throw error;
  }
}
