import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Limiter } from '../modules/limits/limiter.ts';
import { connectionKey } from './security.ts';

/** A limiter that counts how often an address is keyed, with a clock the test moves. */
function countingLimiter() {
  const state = { now: Date.parse('2026-12-06T10:00:00Z'), keyed: [] as string[] };
  const limiter = {
    now: () => state.now,
    clientKey: async (address: string) => {
      state.keyed.push(address);
      return `key-of-${address}-${new Date(state.now).toISOString().slice(0, 10)}`;
    },
  } as unknown as Limiter;
  return { limiter, state };
}

const request = (socket: object, ip: string) => ({ socket, ip }) as unknown as FastifyRequest;

describe('the rate-limit key of a request', () => {
  it('is worked out once per connection for its address, and again for another address, connection or day', async () => {
    const { limiter, state } = countingLimiter();
    const first = {};
    expect(await connectionKey(limiter, request(first, '192.0.2.1'))).toBe('key-of-192.0.2.1-2026-12-06');
    expect(await connectionKey(limiter, request(first, '192.0.2.1'))).toBe('key-of-192.0.2.1-2026-12-06');
    expect(state.keyed).toEqual(['192.0.2.1']);
    // A proxy's connection carries several clients: each address keeps a key of its own.
    expect(await connectionKey(limiter, request(first, '192.0.2.2'))).toBe('key-of-192.0.2.2-2026-12-06');
    expect(await connectionKey(limiter, request(first, '192.0.2.1'))).toBe('key-of-192.0.2.1-2026-12-06');
    expect(await connectionKey(limiter, request({}, '192.0.2.1'))).toBe('key-of-192.0.2.1-2026-12-06');
    expect(state.keyed).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.1', '192.0.2.1']);
    // The day's secret changes at midnight UTC: so does the key, on a connection kept open.
    const second = {};
    await connectionKey(limiter, request(second, '192.0.2.3'));
    state.now = Date.parse('2026-12-07T00:00:01Z');
    expect(await connectionKey(limiter, request(second, '192.0.2.3'))).toBe('key-of-192.0.2.3-2026-12-07');
    expect(state.keyed).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.1', '192.0.2.1', '192.0.2.3', '192.0.2.3']);
  });

  it('is not kept when working it out failed', async () => {
    const { limiter } = countingLimiter();
    let fail = true;
    const flaky = Object.assign(Object.create(limiter), {
      clientKey: async (address: string) => {
        if (fail) throw new Error('database unreachable');
        return `key-of-${address}`;
      },
    }) as Limiter;
    const socket = {};
    await expect(connectionKey(flaky, request(socket, '192.0.2.9'))).rejects.toThrow('database unreachable');
    fail = false;
    expect(await connectionKey(flaky, request(socket, '192.0.2.9'))).toBe('key-of-192.0.2.9');
  });
});
