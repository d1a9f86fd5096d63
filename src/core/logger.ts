import type { LoggerOptions } from 'pino';

/**
 * Paths of anonymous participants (a live meeting's join code and everything under it): the log
 * keeps only the prefix and no address, so a log line cannot tie a person to a meeting.
 */
const anonymousPrefixes = ['/m/', '/m?'];
const isAnonymous = (url: string) => url === '/m' || anonymousPrefixes.some((prefix) => url.startsWith(prefix));

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
      req: (req: { method?: string; url?: string; hostname?: string; ip?: string }) =>
        isAnonymous(req.url ?? '')
          ? { method: req.method, url: '/m/…', host: req.hostname }
          : { method: req.method, url: req.url?.split('?')[0], host: req.hostname, remoteAddress: req.ip },
      err: (err: Error & { code?: string }) => ({ type: err.name, code: err.code, message: err.message, stack: err.stack }),
    },
  };
}
