import type { LoggerOptions } from 'pino';

/**
 * Request logs carry method, path, status and request id: never cookies, tokens, bodies or answers.
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
      req: (req: { method?: string; url?: string; hostname?: string; ip?: string }) => ({
        method: req.method,
        url: req.url?.split('?')[0],
        host: req.hostname,
        remoteAddress: req.ip,
      }),
      err: (err: Error & { code?: string }) => ({ type: err.name, code: err.code, message: err.message, stack: err.stack }),
    },
  };
}
