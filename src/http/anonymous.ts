import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * Where people without an account answer, look or join: the respondent form, the exhibition,
 * live meetings and a round's shared results. They were promised no address and not the hour, so these paths leave no request
 * log, no address in a rate-limit store and no time-linked error line. One list for every such
 * route, present and future: a new anonymous module puts its routes under one of these prefixes.
 */
export const ANONYMOUS_PATH_PREFIXES = [
  '/r/',
  '/r-assets/',
  '/api/r/',
  '/tentoonstelling/',
  '/t-assets/',
  '/m/',
  '/m-assets/',
  '/api/m/',
  '/u/',
  '/u-assets/',
] as const;

/** Under a prefix, or its bare root (`/m`, `/m?lang=en`: the join page, whose form carries the code). */
export const isAnonymousPath = (url: string | undefined): boolean =>
  url !== undefined &&
  ANONYMOUS_PATH_PREFIXES.some((prefix) => {
    const root = prefix.slice(0, -1);
    return url.startsWith(prefix) || url === root || url.startsWith(`${root}?`);
  });

/**
 * Fastify's request logger: silent on anonymous paths, so neither Fastify's request lines nor any
 * handler's `req.log` write a request id, path, address or time there.
 */
export function requestLoggerFactory(logger: FastifyBaseLogger, bindings: Record<string, unknown>, options: object, raw: { url?: string }): FastifyBaseLogger {
  return isAnonymousPath(raw.url) ? silentChildOf(logger) : logger.child(bindings, options);
}

/** One silent logger serves every anonymous request (it binds nothing of the request). */
const silentChildren = new WeakMap<FastifyBaseLogger, FastifyBaseLogger>();
function silentChildOf(logger: FastifyBaseLogger): FastifyBaseLogger {
  let silent = silentChildren.get(logger);
  if (!silent) {
    silent = logger.child({}, { level: 'silent' });
    silentChildren.set(logger, silent);
  }
  return silent;
}

const REPORT_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Unexpected errors on anonymous paths are counted, not logged one by one: once an hour (and when
 * the app stops) one line gives each kind of error with its count, the route pattern and the stack
 * frames — never the path with its token, the message (it can quote values), the address or the time.
 */
export class AnonymousErrorReport {
  private readonly kinds = new Map<string, { route: string; type: string; code: string | undefined; frames: string; count: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly log: FastifyBaseLogger) {
    this.timer = setInterval(() => this.flush(), REPORT_INTERVAL_MS);
    this.timer.unref();
  }

  record(route: string | undefined, err: Error & { code?: string }): void {
    const frames = (err.stack ?? '')
      .split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 8)
      .join('\n');
    const key = `${route}|${err.name}|${err.code}|${frames}`;
    const kind = this.kinds.get(key) ?? { route: route ?? '(no route)', type: err.name, code: err.code, frames, count: 0 };
    kind.count++;
    this.kinds.set(key, kind);
  }

  flush(): void {
    if (this.kinds.size === 0) return;
    this.log.error({ anonymousErrors: [...this.kinds.values()] }, 'unexpected errors on anonymous routes since the last report');
    this.kinds.clear();
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}

export function registerAnonymousErrorReport(app: FastifyInstance): AnonymousErrorReport {
  const report = new AnonymousErrorReport(app.log);
  app.addHook('onClose', async () => report.stop());
  return report;
}
