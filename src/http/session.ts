import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { languageFromHeader } from '../core/language.ts';
import { deviceOf } from '../modules/accounts/session-device.ts';
import { endSession, resolveSession, startSession } from '../modules/accounts/sessions.ts';

export const SESSION_COOKIE = 'kb_session';

const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' } as const;

/** Reads the session cookie on every request and sets req.actor and the language to answer in. */
export function registerSessionHook(app: FastifyInstance): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('lang', 'nl');
  // Callback style: a request without a session (every respondent's) passes without a promise.
  app.addHook('onRequest', (req, _reply, done) => {
    req.lang = languageFromHeader(req.headers['accept-language']);
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return done();
    resolveSession(app.services, token).then((actor) => {
      if (actor) {
        req.actor = actor;
        req.sessionToken = token;
        req.lang = actor.language;
      }
      done();
    }, done);
  });
}

/** Ends any session the browser still had and starts a new one: the id changes at every log-in. */
export async function beginSession(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  if (req.sessionToken) await endSession(app.services, req.sessionToken);
  const { token, expiresAt } = await startSession(app.services, userId, deviceOf(req.headers['user-agent']));
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
}

export async function finishSession(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (req.sessionToken) await endSession(app.services, req.sessionToken);
  reply.clearCookie(SESSION_COOKIE, cookieOptions);
  reply.header('Clear-Site-Data', '"cache", "storage"');
}
