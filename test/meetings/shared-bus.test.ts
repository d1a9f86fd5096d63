import { describe, expect, inject, it, vi } from 'vitest';
import { type MeetingBus, type MeetingEvent, postgresBus, sharedBus } from '../../src/modules/meetings/events.ts';
import { redisBus } from '../../src/modules/meetings/redis-bus.ts';
import { openTestDatabase } from '../helpers/databases.ts';

const MEETING = '7e2b9c41-3d5a-4f1e-8b6c-9a0d1e2f3a4b';

/**
 * Two processes' buses on one shared channel: the sender's own screens hear an event at once (before
 * the NOTIFY or PUBLISH), the other process hears it once through the channel, and no one hears an
 * event twice. The channel keeps its order, so when an event from the other process has arrived, the
 * sender's own copy of an earlier one would have arrived before it.
 */
async function twoProcesses(remote: () => Promise<MeetingBus>) {
  const first = sharedBus(await remote(), 40);
  const second = sharedBus(await remote(), 40);
  const seenFirst: MeetingEvent['kind'][] = [];
  const seenSecond: MeetingEvent['kind'][] = [];
  first.subscribe(MEETING, (event) => seenFirst.push(event.kind));
  second.subscribe(MEETING, (event) => seenSecond.push(event.kind));
  try {
    const sending = first.publish({ meetingId: MEETING, kind: 'answers' });
    // Heard here before the round trip: no await between publishing and looking.
    expect(seenFirst).toEqual(['answers']);
    await sending;
    await vi.waitFor(() => expect(seenSecond).toEqual(['answers']));

    const replying = second.publish({ meetingId: MEETING, kind: 'state' });
    expect(seenSecond).toEqual(['answers', 'state']);
    await replying;
    await vi.waitFor(() => expect(seenFirst).toContain('state'));
    expect(seenFirst).toEqual(['answers', 'state']);

    await first.publish({ meetingId: MEETING, kind: 'state' });
    await vi.waitFor(() => expect(seenSecond.length).toBeGreaterThanOrEqual(3));
    expect(seenSecond).toEqual(['answers', 'state', 'state']);
    expect(seenFirst).toEqual(['answers', 'state', 'state']);
  } finally {
    await first.close();
    await second.close();
  }
}

describe.runIf(inject('postgresUrl'))('two processes on one PostgreSQL database', () => {
  it('tell their own screens at once and each other once through NOTIFY, never an event twice', async () => {
    const { handle, close } = await openTestDatabase('postgres');
    const pool = handle.pgPool;
    if (!pool) throw new Error('a PostgreSQL test database has a pool');
    try {
      await twoProcesses(() => postgresBus(pool));
    } finally {
      await close();
    }
  });
});

describe('two processes on one Redis', () => {
  it('tell their own screens at once and each other once through PUBLISH, never an event twice', async () => {
    const prefix = `kb-shared-bus-${crypto.randomUUID()}:`;
    await twoProcesses(() => redisBus('redis://127.0.0.1:6379', prefix));
  });
});
