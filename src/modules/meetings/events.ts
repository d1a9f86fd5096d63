import { EventEmitter } from 'node:events';
import type pg from 'pg';
import * as z from 'zod';

/**
 * Live meeting events: "the state changed" (another prompt, opened, revealed), "answers came in" and
 * "someone joined" (only staff screens show how many joined; phones are not told).
 * They carry ids only; every screen reads what it may see itself. On PostgreSQL they go through
 * LISTEN/NOTIFY, so a participant on one process and the presenter on another see the same meeting.
 */
export const meetingEvent = z.object({ meetingId: z.uuid(), kind: z.enum(['state', 'answers', 'joined']) });
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

/**
 * One connection per process listens; NOTIFY reaches every process, this one included. When that
 * connection breaks (PostgreSQL restarted, the connection was ended) the process listens again on a
 * new one, trying every half second up to every ten; screens catch up at the next event.
 */
export async function postgresBus(pool: pg.Pool): Promise<MeetingBus> {
  const local = localEmitter();
  let closed = false;
  let listening: pg.PoolClient | undefined;

  const listen = async () => {
    const client = await pool.connect();
    client.on('notification', (message) => {
      const parsed = meetingEvent.safeParse(JSON.parse(message.payload ?? 'null'));
      if (parsed.success) local.emit(parsed.data);
    });
    // Without this handler a broken connection is an unhandled 'error' event: the process would end.
    client.on('error', (error) => {
      if (listening !== client) return;
      listening = undefined;
      client.release(error);
      if (!closed) listenAgain(500);
    });
    try {
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    if (closed) {
      client.release();
      return;
    }
    listening = client;
  };
  const listenAgain = (delayMs: number) => {
    const timer = setTimeout(() => {
      if (closed) return;
      listen().catch(() => listenAgain(Math.min(delayMs * 2, 10_000)));
    }, delayMs);
    timer.unref();
  };

  await listen();
  return {
    publish: async (event) => {
      await pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
    },
    subscribe: local.subscribe,
    close: async () => {
      if (closed) return;
      closed = true;
      const client = listening;
      listening = undefined;
      if (!client) return;
      await client.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
      client.release();
    },
  };
}

/**
 * "answers" and "joined" events of one meeting go out at most once per `ms` each (the first at once,
 * a last one at the end of the window when more came): a burst of answers costs a few messages on the
 * bus (a NOTIFY or PUBLISH round trip each) instead of one per answer. "state" events go out at once.
 */
export function coalescing(bus: MeetingBus, ms = 50): MeetingBus {
  const windows = new Map<string, { timer: NodeJS.Timeout; more: boolean }>();
  const open = (event: MeetingEvent) => {
    const key = `${event.meetingId}:${event.kind}`;
    const timer = setTimeout(() => {
      const window = windows.get(key);
      windows.delete(key);
      if (window?.more) {
        open(event);
        void bus.publish(event).catch(() => {});
      }
    }, ms);
    timer.unref();
    windows.set(key, { timer, more: false });
  };
  return {
    publish: async (event) => {
      if (event.kind === 'state') return bus.publish(event);
      const window = windows.get(`${event.meetingId}:${event.kind}`);
      if (window) {
        window.more = true;
        return;
      }
      open(event);
      await bus.publish(event);
    },
    subscribe: (meetingId, listener) => bus.subscribe(meetingId, listener),
    close: async () => {
      for (const w of windows.values()) clearTimeout(w.timer);
      windows.clear();
      await bus.close();
    },
  };
}
