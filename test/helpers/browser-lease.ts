import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/**
 * What a test file gets as its browser: the worker's one Chromium, with the contexts and pages it
 * opened tracked, so `close()` closes those and leaves the process for the next file.
 *
 * A context a test closes untouched is parked instead: its cookies, permissions and storage are
 * cleared, its one page goes back to about:blank, and the next `newContext` with the same options
 * gets it. A fresh context costs Chromium about a second of CPU (a new renderer for its first page
 * and again for the first site it opens, the app's scripts compiled from nothing); a parked one
 * starts warm. Default timeouts, the page's viewport and permissions are set back when it is parked.
 * A context or page is never parked once a test changed more (routes, init scripts, listeners …):
 * that one is really closed.
 */
export function leaseOf(browser: Browser): Browser {
  const contexts = new Set<BrowserContext>();
  const lease: Partial<Browser> = {
    newContext: async (options = {}) => {
      const context: BrowserContext = await takeContext(browser, options, () => contexts.delete(context));
      contexts.add(context);
      return context;
    },
    newPage: async (options) => {
      const page = await browser.newPage(options);
      contexts.add(page.context());
      page.context().once('close', () => contexts.delete(page.context()));
      return page;
    },
    contexts: () => [...contexts],
    close: async () => {
      await Promise.all([...contexts].map((context) => context.close()));
    },
  };
  return new Proxy(browser, {
    get: (target, property, receiver) => {
      if (property in lease) return lease[property as keyof Browser];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Options a parked context can be handed out again for; with any other, a context is always new. */
const REUSABLE_OPTIONS = new Set(['locale', 'viewport', 'bypassCSP', 'javaScriptEnabled', 'acceptDownloads', 'timezoneId', 'colorScheme', 'reducedMotion']);
/** Calls after which a context or page is not what a fresh one would be, so it is never parked. */
const CHANGING_CALLS = new Set([
  'route',
  'routeFromHAR',
  'routeWebSocket',
  'unroute',
  'unrouteAll',
  'addInitScript',
  'exposeBinding',
  'exposeFunction',
  'setOffline',
  'setExtraHTTPHeaders',
  'setGeolocation',
  'setHTTPCredentials',
  'emulateMedia',
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'clock',
  'tracing',
  'newCDPSession',
]);
/** Four: a trajectory test has four people at once. */
const MAX_PARKED = 4;
/** How long cleaning a context for reuse may take before it is closed instead. */
const CLEAN_MS = 5_000;

type Parked = { context: BrowserContext; page: Page | undefined };
const parked = new Map<string, Parked[]>();

/** Options that are the same as leaving them out. */
const DEFAULTS: Record<string, unknown> = { acceptDownloads: true, bypassCSP: false, javaScriptEnabled: true };

const keyOf = (options: BrowserContextOptions): string | undefined => {
  const given = options as Record<string, unknown>;
  const names = Object.keys(given).filter((name) => given[name] !== undefined && given[name] !== DEFAULTS[name]);
  if (names.some((name) => !REUSABLE_OPTIONS.has(name))) return undefined;
  return JSON.stringify(names.sort().map((name) => [name, given[name]]));
};

async function takeContext(browser: Browser, options: BrowserContextOptions, gone: () => void): Promise<BrowserContext> {
  const key = keyOf(options);
  const waiting = key === undefined ? undefined : parked.get(key);
  let reused = waiting?.pop();
  while (reused && (!browser.isConnected() || closedContexts.has(reused.context))) reused = waiting?.pop();
  const context = reused?.context ?? (await browser.newContext(options));
  return watched({ context, key, warmPage: reused?.page, scripts: options.javaScriptEnabled !== false, viewport: options.viewport, gone });
}

const closedContexts = new WeakSet<BrowserContext>();

type Watch = {
  context: BrowserContext;
  key: string | undefined;
  warmPage: Page | undefined;
  scripts: boolean;
  viewport: BrowserContextOptions['viewport'];
  gone: () => void;
};

/** Playwright's viewport when a context is made without one. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/** Playwright keeps default timeouts in the client: `undefined` is "not set" again. */
const unsetTimeouts = (target: Page | BrowserContext): void => {
  target.setDefaultTimeout(undefined as unknown as number);
  target.setDefaultNavigationTimeout(undefined as unknown as number);
};

/** The context as a test sees it: `close()` parks it when nothing but cookies and storage changed. */
function watched({ context, key, warmPage, scripts, viewport, gone }: Watch): BrowserContext {
  let changed = key === undefined;
  let released = false;
  let spare = warmPage;
  const pages = new Map<Page, { page: Page; changed: () => boolean }>();
  const onClose = () => {
    closedContexts.add(context);
    gone();
  };
  context.once('close', onClose);

  const wrapPage = (page: Page): Page => {
    const known = pages.get(page);
    if (known) return known.page;
    let pageChanged = false;
    const wrapped = new Proxy(page, {
      get: (target, property, receiver) => {
        if (property === 'context') return () => proxy;
        if (typeof property === 'string' && (CHANGING_CALLS.has(property) || (property === 'setViewportSize' && viewport === null))) pageChanged = true;
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    pages.set(page, { page: wrapped, changed: () => pageChanged });
    return wrapped;
  };

  /** Cookies, permissions and storage cleared, one untouched page kept on about:blank; the page kept is returned. */
  const clean = async (): Promise<Page | undefined> => {
    const open = context.pages();
    const keep = open.find((page) => !pages.get(page)?.changed());
    await Promise.all(open.filter((page) => page !== keep).map((page) => page.close()));
    await context.clearCookies();
    await context.clearPermissions();
    unsetTimeouts(context);
    if (keep) {
      unsetTimeouts(keep);
      const wanted = viewport ?? DEFAULT_VIEWPORT;
      const size = keep.viewportSize();
      if (size?.width !== wanted.width || size?.height !== wanted.height) await keep.setViewportSize(wanted);
      if (scripts && keep.url().startsWith('http'))
        await keep.evaluate(() => {
          localStorage.clear();
          sessionStorage.clear();
        });
      await keep.goto('about:blank');
    }
    return keep;
  };

  /** Parks the context when it is cleaned in time; otherwise (a dialog, a page that does not let go) closes it. */
  const park = async (): Promise<void> => {
    const keep = await Promise.race([clean(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not cleaned in time')), CLEAN_MS).unref())]);
    const list = parked.get(key as string) ?? [];
    if (list.length >= MAX_PARKED) return context.close();
    list.push({ context, page: keep });
    parked.set(key as string, list);
  };

  const proxy: BrowserContext = new Proxy(context, {
    get: (target, property, receiver) => {
      if (property === 'newPage')
        return async () => {
          const page = spare && !spare.isClosed() ? spare : await target.newPage();
          spare = undefined;
          return wrapPage(page);
        };
      if (property === 'pages') return () => target.pages().map(wrapPage);
      if (property === 'close')
        return async (closeOptions?: { reason?: string }) => {
          if (released) return;
          released = true;
          const unchanged = !changed && !closedContexts.has(target) && [...pages.values()].every((entry) => !entry.changed());
          if (!unchanged) return target.close(closeOptions);
          target.off('close', onClose);
          gone();
          try {
            await park();
          } catch {
            await target.close().catch(() => {});
            closedContexts.add(target);
          }
        };
      if (typeof property === 'string' && CHANGING_CALLS.has(property)) changed = true;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return proxy;
}
