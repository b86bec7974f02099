import { ERROR_CODES, type ErrorCode } from '../../../../shared/src/errors.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  PASSWORD_POLICY: 400,
  ADMIN_ROLES_SEPARATED: 400,
  TOTP_INVALID: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  MEMBERSHIP_REQUIRED: 403,
  CSRF_REJECTED: 403,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOTP_REQUIRED: 403,
  TOTP_ENROLL_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT_STALE: 409,
  CONFLICT_DUPLICATE: 409,
  INVALID_STATE: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_REFUSED: 415,
  IDEMPOTENCY_MISMATCH: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** An expected failure: carries a stable code, a Chinese message and optional details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERROR_CODES[code]);
    this.status = STATUS[code] ?? 400;
  }
}

export const notFound = (what = '对象'): AppError => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (message?: string): AppError => new AppError('FORBIDDEN', message);
export const stale = (): AppError => new AppError('CONFLICT_STALE');
export const invalid = (field: string, problem: string): AppError =>
  new AppError('VALIDATION_FAILED', `${field}：${problem}`, { field });
