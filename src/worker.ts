import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { WorkerMessage, WorkerTask } from './core/off-thread.ts';
import type { ExportWorkerJob } from './modules/exports/export-worker.ts';
import type { ParseWorkerJob } from './modules/imports/parse-worker.ts';

/**
 * The entry of a worker thread (src/core/off-thread.ts starts it): runs one job and reports back.
 * Each kind of job is loaded when asked for, so a worker loads only what its job needs.
 */
const port = parentPort;
if (!port) throw new Error('src/worker.ts runs in a worker thread only');
const job = workerData as WorkerTask;
try {
  const result =
    job.task === 'export'
      ? await (await import('./modules/exports/export-worker.ts')).runExportJob(port, job as ExportWorkerJob)
      : await (await import('./modules/imports/parse-worker.ts')).runParseJob(port, job as ParseWorkerJob);
  port.postMessage({ type: 'done', threadId, result } satisfies WorkerMessage);
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const line = (e as { line?: unknown }).line;
  port.postMessage({ type: 'failed', error: { name: e.name, message: e.message, ...(typeof line === 'number' ? { line } : {}) } } satisfies WorkerMessage);
}
