import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { AppError } from '../core/errors.ts';
import type { Limiter } from '../modules/limits/limiter.ts';
import { BatchedCounts, sharedRateLimitStore } from '../modules/limits/rate-limit-store.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function registerSecurity(app: FastifyInstance, limiter: Limiter): Promise<void> {
  // Helmet's headers are the same for every answer: worked out once at start and set as they are
  // (@fastify/helmet would build helmet's middleware anew on every request).
  const headers = securityHeaders();
  // One hook for every request's fixed work: these headers, the request id, the CSRF check.
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', req.id);
    if (stateChanging.has(req.method) && req.routeOptions.config.csrf !== false) app.csrfProtection(req, reply, done);
    else done();
  });

  // Double-submit token: a secret in an HttpOnly cookie, the token in the x-csrf-token header.
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'kb_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });

  // Route limits (`config.rateLimit` on a route) count in the shared store, under the route and a
  // keyed hash of the client's address, never the address itself. Busy anonymous routes
  // (`batched: true`) add their counts to it once a second.
  const batched = new BatchedCounts(limiter);
  app.addHook('onClose', () => batched.stop());
  await app.register(rateLimit, {
    global: false,
    store: sharedRateLimitStore(limiter, batched),
    keyGenerator: async (req) => `${req.routeOptions.url}|${await connectionKey(limiter, req)}`,
    errorResponseBuilder: () => new AppError('rate_limited'),
  });

  // Answers about people must not linger in shared or browser caches.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/') && !req.url.startsWith('/api/docs')) reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });
}

/**
 * The limiter key of a request's address (Limiter.clientKey, an HMAC under the day's secret), kept on
 * its connection: a browser sends a form's 19 requests over one kept-alive connection, and the
 * HMAC was worked out anew for each. Kept only as long as the connection, for the address and day
 * it was made for (a proxy's connection carries many clients: a new address is keyed anew).
 */
const connectionKeys = new WeakMap<object, { address: string; day: number; key: Promise<string> }>();
const DAY_MS = 86_400_000;

export function connectionKey(limiter: Limiter, req: FastifyRequest): Promise<string> {
  // The UTC day, as clientKey's secret changes with it.
  const day = Math.floor(limiter.now() / DAY_MS);
  const kept = connectionKeys.get(req.socket);
  if (kept && kept.address === req.ip && kept.day === day) return kept.key;
  const entry = { address: req.ip, day, key: limiter.clientKey(req.ip) };
  connectionKeys.set(req.socket, entry);
  // A failed key is not kept: the next request tries again.
  entry.key.catch(() => {
    if (connectionKeys.get(req.socket) === entry) connectionKeys.delete(req.socket);
  });
  return entry.key;
}

/** The headers helmet sets, recorded from one run of its middleware. */
function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {},
  };
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  let failed: unknown;
  middleware({} as Parameters<typeof middleware>[0], recorder as unknown as Parameters<typeof middleware>[1], (error?: unknown) => {
    failed = error;
  });
  if (failed) throw failed;
  return headers;
}
