import { EventEmitter } from 'node:events';
import type pg from 'pg';
import * as z from 'zod';

/**
 * Live meeting events: "the state changed" (another prompt, opened, revealed) and "answers came in".
 * They carry ids only; every screen reads what it may see itself. On PostgreSQL they go through
 * LISTEN/NOTIFY, so a participant on one process and the presenter on another see the same meeting.
 */
export const meetingEvent = z.object({ meetingId: z.uuid(), kind: z.enum(['state', 'answers']) });
export type MeetingEvent = z.infer<typeof meetingEvent>;

export interface MeetingBus {
  publish(event: MeetingEvent): Promise<void>;
  subscribe(meetingId: string, listener: (event: MeetingEvent) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'kb_meetings';

function localEmitter() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (event: MeetingEvent) => emitter.emit(event.meetingId, event),
    subscribe(meetingId: string, listener: (event: MeetingEvent) => void) {
      emitter.on(meetingId, listener);
      return () => emitter.off(meetingId, listener);
    },
  };
}

export function localBus(): MeetingBus {
  const local = localEmitter();
  return { publish: async (event) => void local.emit(event), subscribe: local.subscribe, close: async () => {} };
}

/** One connection per process listens; NOTIFY reaches every process, this one included. */
export async function postgresBus(pool: pg.Pool): Promise<MeetingBus> {
  const local = localEmitter();
  const client = await pool.connect();
  client.on('notification', (message) => {
    const parsed = meetingEvent.safeParse(JSON.parse(message.payload ?? 'null'));
    if (parsed.success) local.emit(parsed.data);
  });
  await client.query(`LISTEN ${CHANNEL}`);
  let closed = false;
  return {
    publish: async (event) => {
      await pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
    },
    subscribe: local.subscribe,
    close: async () => {
      if (closed) return;
      closed = true;
      await client.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
      client.release();
    },
  };
}
