import { Readable } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';
import { type JobChannel, openJob } from './worker-pool.ts';

/**
 * CPU-heavy work (encoding an export, parsing an uploaded spreadsheet, counting a large scope's
 * answer rows on SQLite) runs in a worker thread, so the request thread keeps answering while it runs.
 * Each job talks to its worker over a channel of its own; workers are kept a few seconds after a job
 * for the next one (src/core/worker-pool.ts).
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

export type WorkerTask = { task: 'export' | 'import' | 'counts'; [key: string]: unknown };

/** The thread a job was done on, for the tests that check it is not the request thread. */
export const offThreadJobs = { last: null as { task: string; threadId: number } | null };

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
  /** Runs once the job's channel is closed, however the stream ended (finished, failed, or the reader went away). */
  cleanup?: () => Promise<void>;
};

/**
 * The bytes a worker writes, as a stream with backpressure: the worker may be at most `ahead` chunks
 * ahead of what the reader took, so memory stays flat however slowly the file is downloaded. The
 * job starts on the first read; when the reader stops half-way the channel is closed, the worker drops
 * the job at its next write and waits for the next one.
 */
export function streamFromWorker(job: WorkerTask, options: StreamOptions = {}): Readable {
  let channel: JobChannel | null = null;
  let owed = 0;
  let stopped: Promise<unknown> | null = null;
  const ahead = options.ahead ?? 4;
  const stop = () => {
    if (!stopped) {
      channel?.release();
      stopped = Promise.resolve().then(() => options.cleanup?.());
    }
    return stopped;
  };
  const stream: Readable = new Readable({
    read() {
      if (!channel) {
        channel = openJob(job, 'streaming', (error) => stream.destroy(error));
        channel.port.on('message', (message: WorkerMessage) => onMessage(message));
        channel.port.postMessage({ type: 'credit', chunks: ahead } satisfies MainMessage);
      } else if (owed > 0) {
        channel.port.postMessage({ type: 'credit', chunks: owed } satisfies MainMessage);
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
    const c = channel as JobChannel;
    switch (message.type) {
      case 'chunk':
        // A chunk taken off the worker's credit; credit back now, or when the reader asks for more.
        if (stream.push(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength))) c.port.postMessage({ type: 'credit', chunks: 1 });
        else owed++;
        return;
      case 'progress':
        options.onProgress?.(message.done);
        return;
      case 'need-page':
        (options.nextPage ?? (async () => null))().then(
          (page) => c.port.postMessage({ type: 'page', page } satisfies MainMessage),
          (error: Error) => stream.destroy(error),
        );
        return;
      case 'done':
        offThreadJobs.last = { task: job.task, threadId: message.threadId };
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
export function runInWorker<T>(job: WorkerTask, onProgress?: (done: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const channel = openJob(job, 'plain', (error) => settle(() => reject(error)));
    channel.port.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.done);
      else if (message.type === 'done') {
        offThreadJobs.last = { task: job.task, threadId: message.threadId };
        channel.release();
        settle(() => resolve(message.result as T));
      } else if (message.type === 'failed') {
        channel.release();
        settle(() => reject(new WorkerJobError(message.error)));
      }
    });
  });
}

/** The worker's side of streamFromWorker: sends bytes in chunks of about CHUNK_BYTES while it has credit. */
export function chunkSender(port: MessagePort) {
  const CHUNK_BYTES = 64 * 1024;
  let credit = 0;
  let wake: (() => void) | null = null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let dropped = false;
  port.on('message', (message: MainMessage) => {
    if (message.type !== 'credit') return;
    credit += message.chunks;
    wake?.();
  });
  // The request thread closed the channel: the reader went away, the job stops at its next write.
  port.on('close', () => {
    dropped = true;
    wake?.();
  });
  const flush = async () => {
    while (credit === 0 && !dropped) await new Promise<void>((resolve) => (wake = resolve));
    if (dropped) throw new JobDropped();
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

/** A job whose reader went away (the channel was closed) stops with this. */
export class JobDropped extends Error {}

/** The worker's side of nextPage: asks the request thread for the next page of input. */
export async function* pagesFromMain<T>(port: MessagePort): AsyncGenerator<T[]> {
  for (;;) {
    const answer = new Promise<unknown[] | null>((resolve, reject) => {
      const listener = (message: MainMessage) => {
        if (message.type !== 'page') return;
        port.off('message', listener);
        port.off('close', closed);
        resolve(message.page);
      };
      const closed = () => reject(new JobDropped());
      port.on('message', listener);
      port.once('close', closed);
    });
    port.postMessage({ type: 'need-page' } satisfies WorkerMessage);
    const page = await answer;
    if (!page) return;
    yield page as T[];
  }
}
