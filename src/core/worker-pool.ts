import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';

/**
 * The worker threads of off-thread jobs. A worker that finished a job waits IDLE_MS for the next one
 * (loading a worker's modules costs more than a small export: from the sources, tsx compiles them
 * again in every new worker), then ends, so an idle server holds no worker. At most one per core (up
 * to four) waits per kind: the parts of a large count run at once, one worker each (rounds/answers.ts).
 * The worker's code is src/worker.ts: run from the sources (tsx, tests) tsx is registered inside the
 * worker first; run from the bundle (`npm run build`, scripts/build-server.js) it is dist/server/worker.js.
 */
export const IDLE_MS = 15_000;
const MAX_IDLE_PER_KIND = Math.max(1, Math.min(4, os.availableParallelism()));

/** Streaming jobs (exports) run with a capped heap; plain ones (parsing an upload) without. */
export type WorkerKind = 'streaming' | 'plain';

/**
 * A streaming job's heap: its own old generation, capped, so the worker collects its garbage early
 * instead of growing beside the request thread's heap (100,000-response JSON export: about 220 MiB
 * peak RSS with the cap, 250-300 without; it needs a page of cases at a time, a few MiB).
 */
const STREAMING_OLD_GENERATION_MB = 128;

type Pooled = { worker: Worker; kind: WorkerKind; onFailure: ((error: Error) => void) | null; timer: NodeJS.Timeout | null };
const idle: Record<WorkerKind, Pooled[]> = { streaming: [], plain: [] };

/** How many workers were started, for the tests that check a worker is used again. */
export const workerStarts = { count: 0 };

/** A job's end of the channel to its worker; release closes the channel (a job still running stops) and gives the worker back. */
export type JobChannel = { port: MessagePort; release: () => void };

/** Starts the job on an idle worker of its kind, or a new one; `onFailure` hears when the worker dies during the job. */
export function openJob(job: unknown, kind: WorkerKind, onFailure: (error: Error) => void): JobChannel {
  const pooled = idle[kind].pop() ?? spawn(kind);
  if (pooled.timer) clearTimeout(pooled.timer);
  pooled.timer = null;
  pooled.onFailure = onFailure;
  pooled.worker.ref();
  const { port1, port2 } = new MessageChannel();
  pooled.worker.postMessage({ type: 'job', job, port: port2 }, [port2]);
  let open = true;
  return {
    port: port1,
    // Closing the channel also tells the worker to drop a job that is still running (see chunkSender).
    release() {
      if (!open) return;
      open = false;
      pooled.onFailure = null;
      port1.close();
      if (idle[kind].length >= MAX_IDLE_PER_KIND) {
        void pooled.worker.terminate();
        return;
      }
      pooled.worker.unref();
      pooled.timer = setTimeout(() => {
        forget(pooled);
        void pooled.worker.terminate();
      }, IDLE_MS);
      pooled.timer.unref();
      idle[kind].push(pooled);
    },
  };
}

function forget(pooled: Pooled): void {
  const list = idle[pooled.kind];
  const at = list.indexOf(pooled);
  if (at >= 0) list.splice(at, 1);
  if (pooled.timer) clearTimeout(pooled.timer);
  pooled.timer = null;
}

function spawn(kind: WorkerKind): Pooled {
  const pooled: Pooled = { worker: startWorker(kind), kind, onFailure: null, timer: null };
  workerStarts.count += 1;
  const fail = (error: Error) => {
    forget(pooled);
    const onFailure = pooled.onFailure;
    pooled.onFailure = null;
    onFailure?.(error);
  };
  pooled.worker.on('error', fail);
  pooled.worker.on('exit', (code) => fail(new Error(`The worker stopped (exit ${code})`)));
  return pooled;
}

function entry(): { file: string; fromSource: boolean } {
  // import.meta.filename is where this code runs (a chunk of the bundle, or this source file);
  // import.meta.url may be rewritten to the source file's place by the build.
  const here = import.meta.filename ?? fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return { file: path.join(path.dirname(here), 'worker.js'), fromSource: false };
  return { file: path.resolve(path.dirname(here), '../worker.ts'), fromSource: true };
}

function startWorker(kind: WorkerKind): Worker {
  const { file, fromSource } = entry();
  const resourceLimits = kind === 'streaming' ? { maxOldGenerationSizeMb: STREAMING_OLD_GENERATION_MB } : {};
  if (!fromSource) return new Worker(file, { resourceLimits });
  const tsx = pathToFileURL(tsxEsmApi(file)).href;
  const tsconfig = path.resolve(path.dirname(file), '../tsconfig.json');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** tsx's ES module API (its `import` export; the CommonJS one cannot be imported from a worker's eval). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return path.resolve(path.dirname(manifest), exports['./esm/api']?.import.default ?? '');
}
