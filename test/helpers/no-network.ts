import net from 'node:net';

/** Any connection to something other than this machine fails the test that made it. */
const loopback = (host: string | undefined) => !host || host === 'localhost' || host.startsWith('127.') || host === '::1' || host === '::ffff:127.0.0.1';

const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string;
  const host = typeof first === 'object' && first !== null ? first.host : typeof args[1] === 'string' ? args[1] : undefined;
  const isSocketPath = typeof first === 'string' || (typeof first === 'object' && first !== null && first.path !== undefined);
  if (!isSocketPath && !loopback(host)) throw new Error(`Outbound network call to ${host} in a test`);
  return original.apply(this, args as Parameters<typeof original>);
} as typeof original;
