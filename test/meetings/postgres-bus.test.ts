import { describe, expect, inject, it, vi } from 'vitest';
import { type MeetingEvent, postgresBus } from '../../src/modules/meetings/events.ts';
import { openTestDatabase } from '../helpers/databases.ts';

const MEETING = '5d0c2a52-8f1e-4c55-9a0e-2f7b1c3d4e5f';
const run = inject('postgresUrl') ? describe : describe.skip;

run('the PostgreSQL meeting bus', () => {
  it('survives the end of its listening connection: it listens again and events arrive after that', async () => {
    const { handle, close } = await openTestDatabase('postgres');
    const pool = handle.pgPool;
    if (!pool) throw new Error('a PostgreSQL test database has a pool');
    // A process does not hear its own events back: the other process (`bus`) publishes.
    const bus = await postgresBus(pool);
    const listener = await postgresBus(pool);
    const seen: MeetingEvent['kind'][] = [];
    listener.subscribe(MEETING, (event) => seen.push(event.kind));
    try {
      await bus.publish({ meetingId: MEETING, kind: 'state' });
      await vi.waitFor(() => expect(seen).toEqual(['state']));

      // What a PostgreSQL restart does to the connection that listens.
      const ended = await pool.query(
        "select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = current_database() and query like 'LISTEN %' and pid <> pg_backend_pid()",
      );
      expect(ended.rows).toEqual([{ ended: true }, { ended: true }]);

      await vi.waitFor(
        async () => {
          await bus.publish({ meetingId: MEETING, kind: 'answers' });
          expect(seen).toContain('answers');
        },
        { timeout: 15_000, interval: 300 },
      );
    } finally {
      await listener.close();
      await bus.close();
      await close();
    }
  });
});
