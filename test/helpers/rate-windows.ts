import type { Clock } from '../../src/core/clock.ts';

/**
 * Rate limits count in fixed windows on the clock (a minute from :00). A test that expects the
 * fourth request of a minute to be refused fails if its requests straddle the turn of a minute;
 * in-process apps get this clock, which stands still half-way through one.
 */
export const midMinute: Clock = { now: () => new Date('2027-03-01T09:00:30Z') };

/** For server processes on the real clock: waits for the next minute if fewer than `needMs` are left in this one. */
export async function awayFromMinuteTurn(needMs: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
