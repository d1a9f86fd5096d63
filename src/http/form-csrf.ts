import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Checks the double-submit token of a plain HTML form post (no JavaScript, so no x-csrf-token
 * header): the token travels in a form field and is verified against the same secret cookie the
 * API uses. The check needs the parsed body, so it runs in the handler, not in the onRequest hook.
 */
export function formCsrfValid(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, token: unknown): Promise<boolean> {
  req.headers['x-csrf-token'] = typeof token === 'string' ? token : '';
  return new Promise((resolve) => {
    const probe = Object.create(reply, { send: { value: () => resolve(false) } }) as FastifyReply;
    app.csrfProtection(req, probe, () => resolve(true));
  });
}
