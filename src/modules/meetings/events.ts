import { randomUUID } from 'node:crypto';
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

/**
 * On the shared channel (NOTIFY or PUBLISH) an event carries the id of the process that sent it: that
 * process has told its own screens already (`sharedBus`) and drops its own copy when it comes back.
 */
const wireEvent = meetingEvent.extend({ origin: z.string().max(64).optional() });

export function toWire(event: MeetingEvent, origin: string): string {
  return JSON.stringify({ meetingId: event.meetingId, kind: event.kind, origin });
}

/** The event in a message from the shared channel, or undefined when it is not one or this process sent it. */
export function fromWire(payload: string | undefined, origin: string): MeetingEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(payload ?? 'null');
  } catch {
    return undefined;
  }
  const parsed = wireEvent.safeParse(json);
  if (!parsed.success || parsed.data.origin === origin) return undefined;
  return { meetingId: parsed.data.meetingId, kind: parsed.data.kind };
}

export const newOrigin = (): string => randomUUID();

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
 * The other processes' events: one connection per process listens; NOTIFY reaches every process, and
 * this one drops its own (its screens were told at once, see `sharedBus`). When that
 * connection breaks (PostgreSQL restarted, the connection was ended) the process listens again on a
 * new one, trying every half second up to every ten; screens catch up at the next event.
 */
export async function postgresBus(pool: pg.Pool): Promise<MeetingBus> {
  const local = localEmitter();
  const origin = newOrigin();
  let closed = false;
  let listening: pg.PoolClient | undefined;

  const listen = async () => {
    const client = await pool.connect();
    client.on('notification', (message) => {
      const event = fromWire(message.payload, origin);
      if (event) local.emit(event);
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
      await pool.query('select pg_notify($1, $2)', [CHANNEL, toWire(event, origin)]);
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

/**
 * Events between processes (`remote`: PostgreSQL or Redis, which no longer hand a process its own
 * events back): this process's screens hear an event at once, as on SQLite, with no round trip and no
 * window; the other processes hear it through the coalesced shared channel. Each screen hears an event
 * once: from here when it was sent here, from `remote` when another process sent it. Events carry ids
 * only and screens read the counts anew, so hearing sooner changes when, never what, they show.
 */
export function sharedBus(remote: MeetingBus, ms = 50): MeetingBus {
  const local = localEmitter();
  const others = coalescing(remote, ms);
  return {
    publish: async (event) => {
      // Handed to the channel first (its send starts before publish's first await), so a listener
      // here that throws cannot keep the event from the other processes.
      const sending = others.publish(event);
      try {
        local.emit(event);
      } finally {
        await sending;
      }
    },
    subscribe(meetingId, listener) {
      const fromHere = local.subscribe(meetingId, listener);
      const fromOthers = others.subscribe(meetingId, listener);
      return () => {
        fromHere();
        fromOthers();
      };
    },
    close: () => others.close(),
  };
}
