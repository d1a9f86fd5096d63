import type { LoggerOptions } from 'pino';

/**
 * Request logs carry method, path, status and request id: never cookies, tokens, bodies, answers or
 * addresses. Anonymous paths (http/anonymous.ts) are not logged at all.
 * Errors are logged without driver details, which can quote the values of a failed row.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.email',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // The path only: a query string can carry what people type (a search for a name, for instance).
      // No client address: it is personal data, and respondents were promised none is kept.
      req: (req: { method?: string; url?: string; hostname?: string }) => ({
        method: req.method,
        url: req.url?.split('?')[0],
        host: req.hostname,
      }),
      err: (err: Error & { code?: string }) => ({ type: err.name, code: err.code, message: err.message, stack: err.stack }),
    },
  };
}
