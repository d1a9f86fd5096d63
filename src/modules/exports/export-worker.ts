import type { MessagePort } from 'node:worker_threads';
import { chunkSender, pagesFromMain } from '../../core/off-thread.ts';
import { openSqliteReader } from '../../db/database.ts';
import { caseLayout, caseValues, type ExportResponse } from './codebook.ts';
import { type ResponsesJob, responsesBody } from './encode.ts';
import * as store from './store.ts';

/**
 * A response-level export in a worker thread: reads the cases in the export's order page by page,
 * turns them into values and writes the file, sending its bytes to the request thread as the reader
 * takes them. On SQLite the worker reads through its own read-only connection to the same file; on
 * PostgreSQL the request thread reads each page when the worker asks for it (asynchronous I/O there).
 */
export type ExportWorkerJob = {
  task: 'export';
  job: ResponsesJob;
  exportId: string;
  pageSize: number;
  /** Read the pages here (read-only); null: ask the request thread for them. */
  sqliteFile: string | null;
};

export async function runExportJob(port: MessagePort, { job, exportId, pageSize, sqliteFile }: ExportWorkerJob): Promise<void> {
  const reader = sqliteFile ? openSqliteReader(sqliteFile) : null;
  try {
    const raw = reader ? store.responsePages(reader.db, exportId, pageSize) : pagesFromMain<ExportResponse>(port);
    const layout = caseLayout(job.codebook);
    let done = 0;
    const pages = (async function* () {
      for await (const page of raw) {
        yield page.map((response) => caseValues(layout, ++done, response));
        port.postMessage({ type: 'progress', done });
      }
    })();
    const out = chunkSender(port);
    for await (const chunk of responsesBody(job, pages)) await out.write(chunk);
    await out.end();
  } finally {
    await reader?.close();
  }
}
