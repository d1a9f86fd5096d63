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
        'password',
        'token',
        'email',
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

/**
 * Where the log goes when no stream is given: readable lines in a terminal (`pretty`), or JSON
 * lines for a log collector. The pretty printer is loaded only when used.
 */
export async function logDestination(
  format: 'pretty' | 'json',
  destination: NodeJS.WritableStream = process.stdout,
): Promise<NodeJS.WritableStream | undefined> {
  if (format === 'json') return undefined;
  const { default: pretty } = await import('pino-pretty');
  return pretty({
    colorize: destination === process.stdout && Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId',
    singleLine: true,
    sync: true,
    destination,
  });
}
