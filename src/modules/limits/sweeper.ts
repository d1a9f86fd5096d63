import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/database.ts';
import { MEMORY_MS } from './sign-in-throttle.ts';
import { sweep } from './store.ts';

const EVERY_MS = 60_000;

/**
 * Every minute each process removes expired counters and forgotten sign-in failures, so the
 * stores hold only what a live limit needs (and no activity trace lingers after a round ends).
 * Returns the function that stops it.
 */
export function startSweeper(db: Db, clock: Clock): () => void {
  const timer = setInterval(() => {
    const now = clock.now().getTime();
    sweep(db, now, now - MEMORY_MS).catch(() => {});
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
