import type { DetailCode } from '../domain/errors';
import { paths } from './apiPaths';

/**
 * The one way the web app talks to the server: JSON in and out, the session cookie, the CSRF
 * token on unsafe methods, the UI language in Accept-Language, and errors as ApiError.
 */

export interface ApiErrorDetail {
  path: string;
  code: DetailCode;
  message: string;
}

/** A non-2xx answer, parsed from the envelope `{"error": {"code", "message", "details"?}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The request never got an answer (offline, server down, aborted). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network_error', { cause });
    this.name = 'NetworkError';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiOptions {
  method?: HttpMethod;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const UNSAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let uiLocale = 'en';
let onUnauthenticated: (() => void) | null = null;

/** Set by the session provider whenever a session is loaded or cleared. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Set by the locale provider; sent as Accept-Language so server messages match the UI. */
export function setApiLocale(locale: string): void {
  uiLocale = locale;
}

/** Called when a request (other than the session endpoint itself) answers 401 `unauthenticated`. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDetails(value: unknown): ApiErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((d) => ({
    path: typeof d.path === 'string' ? d.path : '',
    code: (typeof d.code === 'string' ? d.code : 'invalid_value') as DetailCode,
    message: typeof d.message === 'string' ? d.message : '',
  }));
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy's error page, an empty body): fall through to a generic error.
  }
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  const code = error && typeof error.code === 'string' ? error.code : `http_${response.status}`;
  const message = error && typeof error.message === 'string' ? error.message : response.statusText;
  return new ApiError(response.status, code, message, parseDetails(error?.details));
}

/**
 * Calls an API path (see `paths`) or any same-origin path. Resolves with the parsed JSON body, or
 * `undefined` for an empty answer (204). Rejects with ApiError or NetworkError.
 */
export async function api<T = unknown>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': uiLocale,
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }

  if (!response.ok) {
    const error = await toApiError(response);
    // Only "no session" ends the session: a wrong password (invalid_credentials, e.g. when an
    // existing user confirms an invitation) is the form's business.
    if (error.status === 401 && error.code === 'unauthenticated' && !path.startsWith(paths.session())) onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
