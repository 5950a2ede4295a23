import { ApiError, toApiError } from './api-error.ts';

type Query = Record<string, string | number | boolean | null | undefined>;

interface ClientHooks {
  csrfToken: string | null;
  /** Called on a 401 that means "no session" (not a wrong password on the login form). */
  onUnauthenticated: () => void;
  /** Called on 403 must_change_password. */
  onMustChangePassword: () => void;
}

const hooks: ClientHooks = {
  csrfToken: null,
  onUnauthenticated: () => undefined,
  onMustChangePassword: () => undefined,
};

export function setCsrfToken(token: string | null): void {
  hooks.csrfToken = token;
}

export function setClientHandlers(handlers: Pick<ClientHooks, 'onUnauthenticated' | 'onMustChangePassword'>): void {
  hooks.onUnauthenticated = handlers.onUnauthenticated;
  hooks.onMustChangePassword = handlers.onMustChangePassword;
}

const SESSION_GONE = new Set(['unauthenticated', 'session_expired']);

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  // A path may already carry a query (an upload's `?kind=`): the rest joins it.
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 204 || !type.includes('json')) return null;
  return response.json();
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not run the global 401 handler (login and session probes handle 401 themselves). */
  quiet401?: boolean;
  signal?: AbortSignal;
  /** Same key for retries of one submission from a phone: the server creates the record once (SECURITY.md 26). */
  idempotencyKey?: string;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && hooks.csrfToken) headers['X-CSRF-Token'] = hooks.csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  const response = await fetch(withQuery(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const body = await readBody(response).catch(() => null);
  if (response.ok) return body as T;

  const error = toApiError(response.status, body);
  if (response.status === 401 && SESSION_GONE.has(error.code) && !options.quiet401) hooks.onUnauthenticated();
  if (response.status === 403 && error.code === 'must_change_password') hooks.onMustChangePassword();
  throw error;
}

/**
 * Sends a file as the raw request body (the JSON client cannot): same credentials and CSRF header
 * as other writes, and the server's error body becomes an {@link ApiError}.
 */
export async function postRaw<T>(path: string, body: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': contentType };
  if (hooks.csrfToken) headers['X-CSRF-Token'] = hooks.csrfToken;
  const response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body });
  const data = await readBody(response).catch(() => null);
  if (response.ok) return data as T;
  throw toApiError(response.status, data);
}

/** A file as the raw body with its name as `?name=` (the server's attachment uploads, core/http/files.ts). */
export function uploadFile<T>(path: string, file: File): Promise<T> {
  return postRaw<T>(withQuery(path, { name: file.name }), file, file.type || 'application/octet-stream');
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) =>
    request<T>('POST', path, { body: body ?? {}, ...(idempotencyKey ? { idempotencyKey } : {}) }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export { ApiError };
