import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../core/errors.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * The address links are made with (invitations, round links, resume pages). The configured
 * PUBLIC_URL when there is one; without it only a Host the operator named (ALLOWED_HOSTS) or this
 * machine itself (dev, demo): a Host header is chosen by the client, and a link made from a forged
 * one sends people's tokens to someone else's server.
 */
export function publicOrigin(config: Pick<Config, 'publicUrl' | 'allowedHosts'>, req: FastifyRequest): string | undefined {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const trusted = LOOPBACK.has(req.hostname) || config.allowedHosts.includes(req.hostname) || config.allowedHosts.includes(req.host);
  return trusted ? `${req.protocol}://${req.host}` : undefined;
}

/** As publicOrigin, but refuses (400, in the person's language) when there is no trusted address. */
export function requirePublicOrigin(config: Pick<Config, 'publicUrl' | 'allowedHosts'>, req: FastifyRequest): string {
  const origin = publicOrigin(config, req);
  if (!origin) throw new AppError('validation_failed', { code: 'core.untrusted_host' });
  return origin;
}
