import { type MessagePort, parentPort, threadId } from 'node:worker_threads';
import type { WorkerMessage, WorkerTask } from './core/off-thread.ts';
import type { ExportWorkerJob } from './modules/exports/export-worker.ts';
import type { ParseWorkerJob } from './modules/imports/parse-worker.ts';
import type { CountsWorkerJob } from './modules/rounds/counts-worker.ts';

/**
 * The entry of a worker thread (src/core/worker-pool.ts starts it): runs the jobs it is handed, one at
 * a time, each answering over the job's own channel. Each kind of job is loaded when first asked for.
 */
const main = parentPort;
if (!main) throw new Error('src/worker.ts runs in a worker thread only');

async function run(job: WorkerTask, port: MessagePort): Promise<unknown> {
  if (job.task === 'export') return (await import('./modules/exports/export-worker.ts')).runExportJob(port, job as ExportWorkerJob);
  if (job.task === 'counts') return (await import('./modules/rounds/counts-worker.ts')).runCountsJob(job as CountsWorkerJob);
  return (await import('./modules/imports/parse-worker.ts')).runParseJob(port, job as ParseWorkerJob);
}

main.on('message', async ({ job, port }: { type: 'job'; job: WorkerTask; port: MessagePort }) => {
  try {
    const result = await run(job, port);
    port.postMessage({ type: 'done', threadId, result } satisfies WorkerMessage);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const line = (e as { line?: unknown }).line;
    port.postMessage({ type: 'failed', error: { name: e.name, message: e.message, ...(typeof line === 'number' ? { line } : {}) } } satisfies WorkerMessage);
  }
});
