import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { mustSetUpSecondFactor } from './service.ts';

/**
 * What a person may still reach while their organisation waits for their second factor: who they
 * are, setting up a factor, and signing out. Everything else answers 403.
 */
const OPEN_WHILE_SETTING_UP = [/^\/api\/csrf$/, /^\/api\/me$/, /^\/api\/me\/factors(\/|$)/, /^\/api\/auth\/logout$/];

/** Runs after the session hook: an admin or researcher whose organisation asks two factors, and who has none, only sets one up. */
export function registerSecondFactorGate(app: FastifyInstance): void {
  // Callback style: a request without a session (every respondent's) passes without a promise.
  app.addHook('onRequest', (req, _reply, done) => {
    const actor = req.actor;
    if (!actor) return done();
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/')) return done();
    const open = OPEN_WHILE_SETTING_UP.some((pattern) => pattern.test(path)) && (path !== '/api/me' || req.method === 'GET');
    if (open) return done();
    mustSetUpSecondFactor(app.services, actor).then(
      (must) => done(must ? new AppError('forbidden', { code: 'factors.second_factor_required' }) : undefined),
      done,
    );
  });
}
