import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorId, type FieldIssue } from '../core/errors.ts';
import { errorMessages } from '../core/messages.ts';
import { isAnonymousPath, registerAnonymousErrorReport } from './anonymous.ts';
import { issuesOf, messageOf, textOf } from './messages.ts';

const statusOf: Record<ErrorId, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  invitation_invalid: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

type ErrorBody = { error: { id: ErrorId; message: string; issues: FieldIssue[]; requestId: string } };

function body(req: FastifyRequest, id: ErrorId, message?: string, issues: FieldIssue[] = []): ErrorBody {
  return { error: { id, message: message ?? errorMessages[id][req.lang], issues, requestId: req.id } };
}

/** Translates what Fastify and its plugins throw into our catalogue. */
function fromFrameworkError(err: FastifyError, req: FastifyRequest): { id: ErrorId; message?: string } | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { id: 'validation_failed', message: textOf('core.invalid_json', req.lang) };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { id: 'validation_failed', message: textOf('core.unsupported_media_type', req.lang) };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { id: 'payload_too_large' };
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return { id: 'csrf_invalid' };
  }
  if (err instanceof SyntaxError && err.statusCode === 400) return { id: 'validation_failed', message: textOf('core.invalid_json', req.lang) };
  if (err.statusCode === 429) return { id: 'rate_limited' };
  if (err.statusCode === 404) return { id: 'not_found' };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return { id: 'validation_failed' };
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  const anonymousErrors = registerAnonymousErrorReport(app);
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      // The module's text for its code, in the person's language: services throw codes, never sentences.
      return reply.status(statusOf[err.id]).send(body(req, err.id, messageOf(err, req.lang), issuesOf(err.issues, req.lang)));
    }
    const known = fromFrameworkError(err, req);
    if (known) {
      const status = known.id === 'validation_failed' && err.statusCode === 415 ? 415 : statusOf[known.id];
      return reply.status(status).send(body(req, known.id, known.message));
    }
    // Unexpected: the details go to the log under the request id, never to the person; on an
    // anonymous path only into the hourly count (see http/anonymous.ts).
    if (isAnonymousPath(req.url)) anonymousErrors.record(req.routeOptions.url, err);
    else req.log.error({ err }, 'unexpected error');
    return reply.status(500).send(body(req, 'internal'));
  });

  app.setNotFoundHandler((req, reply) => reply.status(404).send(body(req, 'not_found')));
}
