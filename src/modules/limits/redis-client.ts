import net from 'node:net';

type Reply = string | number | null;
type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

/**
 * The few Redis commands the limiter needs (INCR, PEXPIRE, GET), over one pipelined connection,
 * in RESP. Commands are answered in order, so a queue of pending promises is the whole protocol
 * state. A lost connection fails what was pending and is opened again by the next command.
 */
export class RedisClient {
  private socket: net.Socket | undefined;
  private buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];

  constructor(private readonly url: URL) {}

  command(...args: (string | number)[]): Promise<Reply> {
    const socket = this.connection();
    const parts = args.map(String);
    const text = `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      socket.write(text);
    });
  }

  close(): void {
    this.socket?.end();
    this.socket = undefined;
  }

  private connection(): net.Socket {
    if (this.socket) return this.socket;
    const socket = net.connect({ host: this.url.hostname, port: Number(this.url.port || 6379) });
    socket.setNoDelay(true);
    socket.unref();
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('Redis connection closed')));
    this.socket = socket;
    // Commands written before these are answered after them, in order.
    const password = decodeURIComponent(this.url.password);
    if (password) void this.command('AUTH', ...(this.url.username ? [decodeURIComponent(this.url.username)] : []), password).catch(() => {});
    const db = this.url.pathname.slice(1);
    if (db) void this.command('SELECT', db).catch(() => {});
    return socket;
  }

  private fail(error: Error): void {
    this.socket = undefined;
    this.buffer = Buffer.alloc(0);
    for (const p of this.pending.splice(0)) p.reject(error);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const parsed = parseReply(this.buffer);
      if (!parsed) return;
      this.buffer = this.buffer.subarray(parsed.length);
      const next = this.pending.shift();
      if (parsed.error) next?.reject(new Error(parsed.error));
      else next?.resolve(parsed.value);
    }
  }
}

/** One reply from the front of the buffer, or undefined while it is incomplete. Arrays are not needed. */
function parseReply(buffer: Buffer): { value: Reply; error?: string; length: number } | undefined {
  const end = buffer.indexOf('\r\n');
  if (end < 0) return undefined;
  const line = buffer.subarray(1, end).toString();
  switch (String.fromCharCode(buffer[0] ?? 0)) {
    case '+':
      return { value: line, length: end + 2 };
    case '-':
      return { value: null, error: line, length: end + 2 };
    case ':':
      return { value: Number(line), length: end + 2 };
    case '$': {
      const size = Number(line);
      if (size < 0) return { value: null, length: end + 2 };
      if (buffer.length < end + 2 + size + 2) return undefined;
      return { value: buffer.subarray(end + 2, end + 2 + size).toString(), length: end + 2 + size + 2 };
    }
    default:
      throw new Error('Unexpected reply from Redis');
  }
}
