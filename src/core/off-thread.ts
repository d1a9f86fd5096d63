import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type MessagePort, Worker } from 'node:worker_threads';

/**
 * CPU-heavy work (encoding an export, parsing an uploaded spreadsheet) runs in a worker thread, so the
 * request thread keeps answering while it runs. One worker per job, started when the job starts and
 * ended when it ends (nothing idles in memory between exports). The worker's code is src/worker.ts:
 * run from the sources (tsx, tests) it is compiled by tsx inside the worker; run from the bundle
 * (`npm run build`, scripts/build-server.js) it is dist/server/worker.js beside the other chunks.
 */

/** Messages a worker sends back (see streamFromWorker and src/worker.ts). */
export type WorkerMessage =
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'progress'; done: number }
  | { type: 'need-page' }
  | { type: 'done'; threadId: number; result?: unknown }
  | { type: 'failed'; error: { name: string; message: string; line?: number } };

/** Messages the request thread sends to a worker. */
export type MainMessage = { type: 'credit'; chunks: number } | { type: 'page'; page: unknown[] | null };

export type WorkerTask = { task: 'export' | 'import'; [key: string]: unknown };

/** The thread a job was done on, for the tests that check it is not the request thread. */
export const offThreadJobs = { last: null as { task: string; threadId: number } | null };

function entry(): { file: string; fromSource: boolean } {
  // import.meta.filename is where this code runs (a chunk of the bundle, or this source file);
  // import.meta.url may be rewritten to the source file's place by the build.
  const here = import.meta.filename ?? fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return { file: path.join(path.dirname(here), 'worker.js'), fromSource: false };
  return { file: path.resolve(path.dirname(here), '../worker.ts'), fromSource: true };
}

/**
 * A streaming job's heap: its own old generation, capped, so the worker collects its garbage early
 * instead of growing beside the request thread's heap (100,000-response JSON export: about 220 MiB
 * peak RSS with the cap, 250-300 without; it needs a page of cases at a time, a few MiB).
 */
const STREAMING_OLD_GENERATION_MB = 128;

/** Starts a worker for one job; from the sources it first registers tsx inside the worker (as bin/kruisbestuiving.js does). */
export function startWorker(workerData: WorkerTask, { streaming = false } = {}): Worker {
  const { file, fromSource } = entry();
  const resourceLimits = streaming ? { maxOldGenerationSizeMb: STREAMING_OLD_GENERATION_MB } : {};
  if (!fromSource) return new Worker(file, { workerData, resourceLimits });
  const tsx = pathToFileURL(tsxEsmApi(file)).href;
  const tsconfig = path.resolve(path.dirname(file), '../tsconfig.json');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/** tsx's ES module API (its `import` export; the CommonJS one cannot be imported from a worker's eval). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return path.resolve(path.dirname(manifest), exports['./esm/api']?.import.default ?? '');
}

/** A job's error as the worker reported it, rebuilt on this thread (the name and message; a line for file errors). */
export class WorkerJobError extends Error {
  constructor(readonly failure: { name: string; message: string; line?: number }) {
    super(failure.message);
    this.name = failure.name;
  }
}

type StreamOptions = {
  /** Chunks the worker may send ahead of the reader (each about CHUNK_BYTES). */
  ahead?: number;
  /** The next page of input when the worker asks for one (null: no more). */
  nextPage?: () => Promise<unknown[] | null>;
  onProgress?: (done: number) => void;
  /** Runs once the worker has stopped, however the stream ended (finished, failed, or the reader went away). */
  cleanup?: () => Promise<void>;
};

/**
 * The bytes a worker writes, as a stream with backpressure: the worker may be at most `ahead` chunks
 * ahead of what the reader took, so memory stays flat however slowly the file is downloaded. The
 * worker is started on the first read; when the reader stops half-way it is ended.
 */
export function streamFromWorker(workerData: WorkerTask, options: StreamOptions = {}): Readable {
  let worker: Worker | null = null;
  let owed = 0;
  let stopped: Promise<unknown> | null = null;
  const ahead = options.ahead ?? 4;
  const stop = () => {
    if (!stopped) stopped = (worker ? worker.terminate() : Promise.resolve()).then(() => options.cleanup?.());
    return stopped;
  };
  const stream: Readable = new Readable({
    read() {
      if (!worker) {
        worker = startWorker(workerData, { streaming: true });
        worker.on('message', (message: WorkerMessage) => onMessage(message));
        worker.on('error', (error) => stream.destroy(error));
        worker.on('exit', (code) => {
          if (!stopped && !stream.destroyed) stream.destroy(new Error(`The export worker stopped (exit ${code})`));
        });
        worker.postMessage({ type: 'credit', chunks: ahead } satisfies MainMessage);
      } else if (owed > 0) {
        worker.postMessage({ type: 'credit', chunks: owed } satisfies MainMessage);
        owed = 0;
      }
    },
    destroy(error, callback) {
      stop().then(
        () => callback(error),
        (cleanupError: Error) => callback(error ?? cleanupError),
      );
    },
  });
  const onMessage = (message: WorkerMessage) => {
    const w = worker as Worker;
    switch (message.type) {
      case 'chunk':
        // A chunk taken off the worker's credit; credit back now, or when the reader asks for more.
        if (stream.push(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength))) w.postMessage({ type: 'credit', chunks: 1 });
        else owed++;
        return;
      case 'progress':
        options.onProgress?.(message.done);
        return;
      case 'need-page':
        (options.nextPage ?? (async () => null))().then(
          (page) => w.postMessage({ type: 'page', page } satisfies MainMessage),
          (error: Error) => stream.destroy(error),
        );
        return;
      case 'done':
        offThreadJobs.last = { task: workerData.task, threadId: message.threadId };
        stop().then(
          () => stream.push(null),
          (error: Error) => stream.destroy(error),
        );
        return;
      case 'failed':
        stream.destroy(new WorkerJobError(message.error));
        return;
    }
  };
  return stream;
}

/** A job with one answer (parsing a file): runs it in a worker and resolves with its result. */
export function runInWorker<T>(workerData: WorkerTask, onProgress?: (done: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = startWorker(workerData);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.done);
      else if (message.type === 'done') {
        offThreadJobs.last = { task: workerData.task, threadId: message.threadId };
        settle(() => resolve(message.result as T));
      } else if (message.type === 'failed') settle(() => reject(new WorkerJobError(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The worker stopped before it answered (exit ${code})`))));
  });
}

/** The worker's side of streamFromWorker: sends bytes in chunks of about CHUNK_BYTES while it has credit. */
export function chunkSender(port: MessagePort) {
  const CHUNK_BYTES = 64 * 1024;
  let credit = 0;
  let wake: (() => void) | null = null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  port.on('message', (message: MainMessage) => {
    if (message.type !== 'credit') return;
    credit += message.chunks;
    wake?.();
  });
  const flush = async () => {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    credit--;
    // A fresh buffer (never one of Node's pooled ones), handed over without a copy.
    const data = new Uint8Array(pendingBytes);
    let at = 0;
    for (const piece of pending) {
      data.set(piece, at);
      at += piece.length;
    }
    pending = [];
    pendingBytes = 0;
    port.postMessage({ type: 'chunk', data } satisfies WorkerMessage, [data.buffer]);
  };
  return {
    async write(chunk: string | Uint8Array) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (bytes.length === 0) return;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    },
    async end() {
      if (pendingBytes > 0) await flush();
    },
  };
}

/** The worker's side of nextPage: asks the request thread for the next page of input. */
export async function* pagesFromMain<T>(port: MessagePort): AsyncGenerator<T[]> {
  for (;;) {
    const answer = new Promise<unknown[] | null>((resolve) => {
      const listener = (message: MainMessage) => {
        if (message.type !== 'page') return;
        port.off('message', listener);
        resolve(message.page);
      };
      port.on('message', listener);
    });
    port.postMessage({ type: 'need-page' } satisfies WorkerMessage);
    const page = await answer;
    if (!page) return;
    yield page as T[];
  }
}
