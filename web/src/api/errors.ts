import type { FormInstance } from 'antd';
import { App } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { FIELD_LABELS } from '../../../shared/src/fields.js';
import { ApiError } from './client.js';

export const STALE_MESSAGE = '数据已被他人修改，请刷新后重试';

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CONFLICT_STALE';
}

function lockedUntil(details: unknown): string | null {
  if (details && typeof details === 'object' && 'lockedUntil' in details) {
    const value = details.lockedUntil;
    if (typeof value === 'string' && value && dayjs(value).isValid())
      return dayjs(value).format('YYYY-MM-DD HH:mm');
  }
  return null;
}

/** The Chinese text to show for any failure. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return '操作失败，请稍后重试';
  if (error.code === 'CONFLICT_STALE') return STALE_MESSAGE;
  if (error.code === 'ACCOUNT_LOCKED') {
    const until = lockedUntil(error.details);
    return until ? `${error.message}（解锁时间：${until}）` : error.message;
  }
  return error.message;
}

interface FieldIssue {
  field: string;
  message: string;
}

function issuesOf(error: ApiError): FieldIssue[] {
  const details = error.details as { issues?: unknown; field?: unknown } | null;
  if (details && Array.isArray(details.issues)) {
    return (details.issues as Partial<FieldIssue>[])
      .filter((i): i is FieldIssue => typeof i.field === 'string' && typeof i.message === 'string')
      .map((i) => ({ field: i.field.split('.')[0] ?? i.field, message: i.message }));
  }
  if (details && typeof details.field === 'string') return [{ field: details.field, message: error.message }];
  return [];
}

/** Put the server's field messages under the matching form fields; true when at least one matched. */
export function applyFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  // The server names a field by its API name or, in some messages, by its Chinese label.
  const fieldOf = (name: string) => fields.find((f) => f === name || FIELD_LABELS[f] === name);
  const matched = issuesOf(error).flatMap((i) => {
    const field = fieldOf(i.field);
    return field ? [{ field, message: i.message }] : [];
  });
  if (matched.length === 0) return false;
  form.setFields(matched.map((i) => ({ name: i.field, errors: [i.message] })));
  return true;
}

/** Show a failure as an antd message; returns whether it was a stale-version conflict. */
export function useReportError(): (error: unknown) => boolean {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      void message.error(errorText(error));
      return isStale(error);
    },
    [message],
  );
}
