import { useSyncExternalStore } from 'react';
import { redirect } from 'react-router';
import { ApiError, api } from './api.ts';
import { applyLanguage, pendingLanguageChoice, rememberLanguageChoice } from './i18n.ts';
import { beforeReload } from './new-version.ts';
import type { Language, MeView } from './types.ts';

/**
 * Who is signed in. A tiny store outside React so route loaders can read it too;
 * components subscribe with useMe().
 */
let me: MeView | null = null;
let inFlight: Promise<MeView> | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function getMe(): MeView | null {
  return me;
}

/** Stores the signed-in person and shows the app in their language; settles once it does. */
export async function setMe(next: MeView): Promise<void> {
  me = next;
  const shown = applyLanguage(next.user.language);
  emit();
  await shown;
}

export function clearMe(): void {
  me = null;
  inFlight = null;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in person; only use inside the signed-in part of the app. */
export function useMe(): MeView {
  const value = useSyncExternalStore(subscribe, getMe, getMe);
  if (!value) throw new Error('useMe() outside the signed-in app');
  return value;
}

export function useMaybeMe(): MeView | null {
  return useSyncExternalStore(subscribe, getMe, getMe);
}

function fetchMe(): Promise<MeView> {
  inFlight ??= api
    .get<MeView>('/api/me', { redirectOnUnauthenticated: false })
    .then(async (fresh) => {
      // A page waits for the person's language, so it never shows first in the other one.
      await setMe(fresh);
      return fresh;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

export function loginPath(request: Request | URL | string): string {
  const url = new URL(typeof request === 'string' ? request : request instanceof URL ? request.href : request.url, window.location.origin);
  const next = url.pathname + url.search;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/**
 * For loaders of signed-in pages: the person, fresh from the server when `fresh` is set
 * (the app shell asks on every load so roles and teams stay current), else from memory.
 * Sends people who are not signed in to the sign-in page, remembering where they wanted to go.
 */
export async function requireMe(request: Request, { fresh = false } = {}): Promise<MeView> {
  if (me && !fresh && !inFlight) return me;
  try {
    return await fetchMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      clearMe();
      throw redirect(loginPath(request));
    }
    throw error;
  }
}

/** For the sign-in page: is someone already signed in? Never redirects. */
export async function currentMe(): Promise<MeView | null> {
  if (me) return me;
  try {
    return await fetchMe();
  } catch {
    return null;
  }
}

/**
 * After signing in: if the person chose a language by hand on the sign-in or invitation page,
 * keep that choice in their account.
 */
export async function signedIn(fresh: MeView): Promise<void> {
  const chosen = pendingLanguageChoice();
  rememberLanguageChoice(null);
  await setMe(fresh);
  if (chosen && chosen !== fresh.user.language) await saveLanguage(chosen);
}

/** Switches the language at once; for a signed-in person it is saved so it is kept next time. */
export async function saveLanguage(language: Language): Promise<void> {
  await applyLanguage(language);
  if (!me) {
    rememberLanguageChoice(language);
    return;
  }
  try {
    // A page older than the app on the server loads itself anew (new-version.ts), but only once this is saved.
    await setMe(await beforeReload(api.patch<MeView>('/api/me', { language })));
  } catch (error) {
    // The screen already shows the new language; it just will not be remembered.
    console.warn('Could not save the language choice', error);
  }
}

/** A local path to go to after signing in; anything else (other sites, odd input) becomes "/". */
export function safeNextPath(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login') || value.startsWith('/invite')) return '/';
  return value;
}
