import { currentLanguage, fixedT } from './i18n.ts';

export type FieldIssue = { path: string; message: string };

/** Every failed request ends up as one of these; `message` is ready to show to the person. */
export class ApiError extends Error {
  readonly id: string;
  readonly status: number;
  readonly issues: FieldIssue[];
  readonly requestId: string | undefined;

  constructor(init: { id: string; message: string; status: number; issues?: FieldIssue[]; requestId?: string | undefined }) {
    super(init.message);
    this.name = 'ApiError';
    this.id = init.id;
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId;
  }

  /** The message for one form field, if the server named it; paths look like "email" or "body.email". */
  issueFor(field: string): string | undefined {
    return this.issues.find((issue) => issue.path === field || issue.path.split('.').at(-1) === field)?.message;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Options = { signal?: AbortSignal | undefined; redirectOnUnauthenticated?: boolean };

let csrfToken: string | null = null;
let csrfRequest: Promise<string> | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Called when the server says the session is gone; main.tsx sends the person to the sign-in page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** A new session means a new CSRF token: call after sign-in, sign-out and accepting an invitation. */
export function renewCsrfToken(): void {
  csrfToken = null;
  csrfRequest = null;
  void csrfTokenFor().catch(() => undefined);
}

async function csrfTokenFor(signal?: AbortSignal): Promise<string> {
  if (csrfToken) return csrfToken;
  csrfRequest ??= send<{ token: string }>('GET', '/api/csrf', undefined, { signal, redirectOnUnauthenticated: false })
    .then(({ token }) => {
      csrfToken = token;
      return token;
    })
    .finally(() => {
      csrfRequest = null;
    });
  return csrfRequest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  if (error && typeof error.id === 'string' && typeof error.message === 'string') {
    const issues = Array.isArray(error.issues)
      ? error.issues.filter((issue): issue is FieldIssue => isObject(issue) && typeof issue.path === 'string' && typeof issue.message === 'string')
      : [];
    return new ApiError({
      id: error.id,
      message: error.message,
      status: response.status,
      issues,
      requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
    });
  }
  const id = response.status === 404 ? 'not_found' : response.status === 401 ? 'unauthenticated' : 'internal';
  return new ApiError({ id, message: fixedT()(response.status === 404 ? 'error.notFoundText' : 'common.unknownError'), status: response.status });
}

async function send<T>(method: Method, path: string, body: unknown, options: Options, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  // A Blob (a chosen file) is sent as raw bytes with its own type; everything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await csrfTokenFor(options.signal);

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : raw ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ id: 'network', message: fixedT()('common.networkError'), status: 0 });
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const error = await errorFrom(response);
  if (error.id === 'csrf_invalid' && !retried) {
    // The token can go stale (a new session, a server restart): fetch a new one and try once more.
    csrfToken = null;
    return send(method, path, body, options, true);
  }
  if (error.status === 401 && error.id !== 'invalid_credentials' && options.redirectOnUnauthenticated !== false) {
    onUnauthenticated?.();
  }
  throw error;
}

export const api = {
  get: <T>(path: string, options: Options = {}) => send<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown = {}, options: Options = {}) => send<T>('POST', path, body, options),
  put: <T>(path: string, body: unknown, options: Options = {}) => send<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options: Options = {}) => send<T>('PATCH', path, body, options),
  delete: <T = { ok: true }>(path: string, options: Options = {}) => send<T>('DELETE', path, undefined, options),
};

/** Builds a path with every dynamic part escaped: apiPath`/api/orgs/${orgId}/teams`. */
export function apiPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((path, part, index) => path + part + (index < values.length ? encodeURIComponent(String(values[index])) : ''), '');
}
