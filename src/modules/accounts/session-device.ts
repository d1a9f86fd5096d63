import type Bowser from 'bowser';
import { lazyRequire } from '../../core/lazy-require.ts';

const bowser = lazyRequire<typeof Bowser>('bowser');

/**
 * The kind of device a session runs on, as "browser/system" ("Chrome/Android"), so a person can tell
 * their sessions apart. Only these two names are kept, never the whole user agent (it is close to a
 * fingerprint). Undefined when the user agent names neither.
 */
export function deviceOf(userAgent: string | undefined): string | undefined {
  if (!userAgent) return undefined;
  let parsed: Bowser.Parser.ParsedResult;
  try {
    parsed = bowser().parse(userAgent.slice(0, 1000));
  } catch {
    // A user agent the parser cannot read must never stand in the way of signing in.
    return undefined;
  }
  const clean = (name: string | undefined) =>
    (name ?? '')
      .replace(/[/\n\r]/g, ' ')
      .trim()
      .slice(0, 40);
  const browser = clean(parsed.browser.name);
  const system = clean(parsed.os.name);
  return browser || system ? `${browser}/${system}` : undefined;
}

/** The stored "browser/system" back as its two names (null where unknown). */
export function deviceParts(device: string | null | undefined): { browser: string | null; system: string | null } {
  const [browser, system] = (device ?? '').split('/');
  return { browser: browser || null, system: system || null };
}
