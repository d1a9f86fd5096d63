/** The main script a page of the app names, e.g. `/assets/index-<hash>.js`. */
export function mainScriptOf(html: string): string | undefined {
  return /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
}

const unfinished = new Set<Promise<unknown>>();

/** Work a reload must not cut off (a choice being saved): a reload for a newer version waits for it. */
export function beforeReload<T>(work: Promise<T>): Promise<T> {
  unfinished.add(work);
  work.then(
    () => unfinished.delete(work),
    () => unfinished.delete(work),
  );
  return work;
}

/**
 * After an update of the app, a page opened before it asks for files that are no longer on the server
 * (their names carry a hash of their content), so a part of the app it had not loaded yet cannot be
 * shown. When that happens, this asks the server for its current page: if that names another main
 * script, a newer version is out and the page loads itself anew; if the server cannot be reached (a
 * dropped connection), the page's own error message stays. A page of the newest version is never
 * reloaded, so this cannot loop; work handed to `beforeReload` is finished first.
 */
export function reloadWhenUpdated(): void {
  const current = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src') ?? undefined;
  let asking = false;
  window.addEventListener('vite:preloadError', () => {
    if (asking || !current) return;
    asking = true;
    fetch('/', { headers: { accept: 'text/html' }, cache: 'no-store' })
      .then((response) => (response.ok ? response.text() : ''))
      .then(async (html) => {
        const latest = mainScriptOf(html);
        if (!latest || latest === current) return;
        await Promise.allSettled(unfinished);
        window.location.reload();
      })
      .catch(() => undefined)
      .finally(() => {
        asking = false;
      });
  });
}
