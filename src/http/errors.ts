import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorId, type FieldIssue } from '../core/errors.ts';
import type { Language } from '../core/language.ts';
import { errorMessages, extraMessages } from '../core/messages.ts';
import { isAnonymousPath, registerAnonymousErrorReport } from './anonymous.ts';

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

const detailMessages: Record<string, Record<Language, string>> = {
  last_admin: extraMessages.lastAdmin,
  email_taken: extraMessages.unknownConflictEmail,
  already_member: { nl: 'Deze persoon is al lid van de organisatie.', en: 'This person is already a member of the organisation.' },
  erase_self: { nl: 'Je kunt jezelf niet wissen. Vraag het aan een andere beheerder.', en: 'You cannot erase yourself. Ask another admin.' },
  erase_other_organisation: {
    nl: 'Deze persoon is ook lid van een organisatie waar jij geen beheerder bent. Een beheerder van die organisatie moet dit doen.',
    en: 'This person is also a member of an organisation where you are not an admin. An admin of that organisation must do this.',
  },
  untrusted_host: {
    nl: 'Deze server kent zijn publieke adres niet, dus maakt hij geen links. Vraag de beheerder om PUBLIC_URL in te stellen.',
    en: 'This server does not know its public address, so it makes no links. Ask the administrator to set PUBLIC_URL.',
  },
  invitation_closed: { nl: 'Deze uitnodiging is al gebruikt of ingetrokken.', en: 'This invitation has already been used or revoked.' },
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
      return { id: 'validation_failed', message: extraMessages.invalidJson[req.lang] };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { id: 'validation_failed', message: extraMessages.unsupportedMediaType[req.lang] };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { id: 'payload_too_large' };
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return { id: 'csrf_invalid' };
  }
  if (err instanceof SyntaxError && err.statusCode === 400) return { id: 'validation_failed', message: extraMessages.invalidJson[req.lang] };
  if (err.statusCode === 429) return { id: 'rate_limited' };
  if (err.statusCode === 404) return { id: 'not_found' };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return { id: 'validation_failed' };
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  const anonymousErrors = registerAnonymousErrorReport(app);
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      const detail = err.text?.[req.lang] ?? detailMessages[err.message]?.[req.lang];
      return reply.status(statusOf[err.id]).send(body(req, err.id, detail, err.issues));
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
