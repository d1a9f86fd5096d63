import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { beginPending, finishPending, pendingFailed, pendingUser } from './pending.ts';

export const PENDING_COOKIE = 'kb_pending';

/** Sent only to the sign-in routes, never readable by scripts, never sent along from other sites. */
const cookieOptions = { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure: 'auto' } as const;

export async function setPendingCookie(app: FastifyInstance, reply: FastifyReply, userId: string): Promise<void> {
  const { token, expiresAt } = await beginPending(app.services, userId);
  reply.setCookie(PENDING_COOKIE, token, { ...cookieOptions, expires: expiresAt });
}

const tokenOf = (req: FastifyRequest): string | undefined => {
  const token = req.cookies[PENDING_COOKIE];
  return token && token.length <= 100 ? token : undefined;
};

export async function pendingUserOf(app: FastifyInstance, req: FastifyRequest): Promise<string | undefined> {
  const token = tokenOf(req);
  return token ? pendingUser(app.services, token) : undefined;
}

export async function pendingAttemptFailed(app: FastifyInstance, req: FastifyRequest): Promise<void> {
  const token = tokenOf(req);
  if (token) await pendingFailed(app.services, token);
}

/** Ends the half-signed-in state; true only for the one request that ended it. */
export async function endPending(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const token = tokenOf(req);
  reply.clearCookie(PENDING_COOKIE, cookieOptions);
  return token ? finishPending(app.services, token) : false;
}
