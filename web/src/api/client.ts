import type { ApiErrorBody } from '../../../shared/src/errors.js';

/** A failed API call, carrying the server's stable code and its Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const CSRF_COOKIE = 'luoshi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  /** Do not send the browser to the login page on 401 (the login calls themselves). */
  noRedirect?: boolean;
}

/** Stages of an unfinished sign-in: the login page shows the step the server asks for. */
const STEP_CODES = new Set(['PASSWORD_CHANGE_REQUIRED', 'TOTP_REQUIRED', 'TOTP_ENROLL_REQUIRED']);

function leaveForLogin(code: string): void {
  const onLogin = window.location.pathname === '/login';
  if (code === 'SESSION_EXPIRED') window.location.assign('/login?expired=1');
  else if (!onLogin) window.location.assign('/login');
}

/** JSON over fetch with the session cookie; every write echoes the CSRF cookie in a header. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', null);
  }
  const text = response.status === 204 ? '' : await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const body = (data ?? {}) as Partial<ApiErrorBody>;
    const error = new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : 'INTERNAL',
      typeof body.message === 'string' ? body.message : `请求失败（HTTP ${response.status}）`,
      body.details ?? null,
    );
    if (!options.noRedirect) {
      if (response.status === 401 && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED'))
        leaveForLogin(error.code);
      else if (STEP_CODES.has(error.code)) leaveForLogin(error.code);
    }
    throw error;
  }
  return data as T;
}

/** A random key for Idempotency-Key; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
