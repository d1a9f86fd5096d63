import { EventEmitter } from 'node:events';
import net from 'node:net';
import { RedisClient } from '../limits/redis-client.ts';
import { fromWire, type MeetingBus, type MeetingEvent, newOrigin, toWire } from './events.ts';

/**
 * Live meeting events through Redis pub/sub (REDIS_URL): every process publishes on one channel and
 * keeps one subscriber connection, so a participant on one process and the presenter on another see
 * the same meeting. A process drops its own events when they come back (its screens heard them at
 * once, see `sharedBus`). A lost subscriber connection is opened again after a second; events in that
 * second are lost, and the next one brings every screen up to date (events carry ids only).
 */
export async function redisBus(url: string, keyPrefix: string): Promise<MeetingBus> {
  const channel = `${keyPrefix}meetings`;
  const target = new URL(url);
  const publisher = new RedisClient(target);
  const local = new EventEmitter();
  local.setMaxListeners(0);
  let socket: net.Socket | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let subscribed: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    subscribed = resolve;
  });

  const origin = newOrigin();
  const deliver = (payload: string) => {
    const event = fromWire(payload, origin);
    if (event) local.emit(event.meetingId, event);
  };

  function connect() {
    if (closed) return;
    const s = net.connect({ host: target.hostname, port: Number(target.port || 6379) });
    socket = s;
    s.setNoDelay(true);
    s.unref();
    const reader = new RespReader((reply) => {
      if (!Array.isArray(reply)) return;
      if (reply[0] === 'message' && reply[1] === channel && typeof reply[2] === 'string') deliver(reply[2]);
      if (reply[0] === 'subscribe') subscribed();
    });
    s.on('data', (chunk) => reader.push(chunk));
    s.on('error', () => {});
    s.on('close', () => {
      if (socket === s) socket = undefined;
      if (!closed) retry = setTimeout(connect, 1000).unref();
    });
    const password = decodeURIComponent(target.password);
    const auth = password ? [['AUTH', ...(target.username ? [decodeURIComponent(target.username)] : []), password]] : [];
    for (const args of [...auth, ['SUBSCRIBE', channel]]) s.write(resp(args));
  }
  connect();
  // Listen before the app takes requests; a Redis that does not answer is retried in the background.
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);

  return {
    publish: async (event: MeetingEvent) => {
      await publisher.command('PUBLISH', channel, toWire(event, origin));
    },
    subscribe(meetingId, listener) {
      local.on(meetingId, listener);
      return () => local.off(meetingId, listener);
    },
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      socket?.end();
      socket = undefined;
      publisher.close();
    },
  };
}

const resp = (args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

type Reply = string | number | null | Reply[];

/** Reads RESP replies (arrays included, as pub/sub pushes them) from a stream of chunks. */
class RespReader {
  private buffer: Buffer = Buffer.alloc(0);
  constructor(private readonly onReply: (reply: Reply) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const parsed = parse(this.buffer, 0);
      if (!parsed) return;
      this.buffer = this.buffer.subarray(parsed.end);
      this.onReply(parsed.value);
    }
  }
}

function parse(buffer: Buffer, at: number): { value: Reply; end: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n', at);
  if (lineEnd < 0) return undefined;
  const line = buffer.subarray(at + 1, lineEnd).toString();
  const next = lineEnd + 2;
  switch (String.fromCharCode(buffer[at] ?? 0)) {
    case '+':
    case '-':
      return { value: line, end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const size = Number(line);
      if (size < 0) return { value: null, end: next };
      if (buffer.length < next + size + 2) return undefined;
      return { value: buffer.subarray(next, next + size).toString(), end: next + size + 2 };
    }
    case '*': {
      const count = Number(line);
      const items: Reply[] = [];
      let end = next;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, end);
        if (!item) return undefined;
        items.push(item.value);
        end = item.end;
      }
      return { value: items, end };
    }
    default:
      throw new Error('Unexpected reply from Redis');
  }
}
