import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, newSecretToken } from '../../core/ids.ts';

export const OWNER_COOKIE = 'kb_respondent';

/**
 * A respondent's draft belongs to the browser that started it: that browser holds a random secret in
 * an HttpOnly, SameSite cookie, and the response keeps only hash(secret, response id). Knowing the
 * address of a page (shared, planted by another site, read over a shoulder) opens nothing; the
 * resume code moves a draft to another browser. The hash includes the response id, so two
 * responses from one browser (two rounds) cannot be linked by it. A session cookie: nothing stays
 * on a shared computer once the browser closes; the resume code covers coming back later.
 */
const cookieOptions = { path: '/r/', httpOnly: true, sameSite: 'lax', secure: 'auto' } as const;

const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** This browser's secret, made and set now when it has none. */
export function browserSecret(req: FastifyRequest, reply: FastifyReply): string {
  const existing = req.cookies[OWNER_COOKIE];
  if (existing && SECRET.test(existing)) return existing;
  const secret = newSecretToken();
  reply.setCookie(OWNER_COOKIE, secret, cookieOptions);
  // Later requests in this one (a redirect's target) read it from the request.
  req.cookies[OWNER_COOKIE] = secret;
  return secret;
}

/** The owner hash this browser has for the response, or undefined when it holds no secret. */
export function ownerHashOf(req: FastifyRequest, responseId: string): string | undefined {
  const secret = req.cookies[OWNER_COOKIE];
  return secret && SECRET.test(secret) ? ownerHash(secret, responseId) : undefined;
}

export const ownerHash = (secret: string, responseId: string): string => hashToken(`${secret}:${responseId}`);
