import { ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie, withQuery } from '../../api/client.js';
import type { ImportRefusal, ImportResult, LedgerIssue } from './types.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; refusal: ImportRefusal };

function issuesOf(details: unknown): { errors: LedgerIssue[]; total: number } {
  const d = details as { errors?: unknown; total?: unknown } | null;
  const errors = Array.isArray(d?.errors) ? (d.errors as LedgerIssue[]) : [];
  return { errors, total: typeof d?.total === 'number' ? d.total : errors.length };
}

/**
 * Send the workbook itself as the request body (the server reads no multipart). A refused file is an
 * outcome to show, not a failure: its errors come back row by row. Other failures throw ApiError.
 */
export async function uploadLedger(
  file: File,
  options: { dryRun: boolean; assign: boolean; idempotencyKey: string },
): Promise<ImportOutcome> {
  let response: Response;
  try {
    response = await fetch(
      withQuery('/api/ledger/import', { dryRun: options.dryRun, assign: options.assign }),
      {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          'content-type': XLSX,
          [CSRF_HEADER]: readCookie(CSRF_COOKIE) ?? '',
          ...(options.dryRun ? {} : { 'idempotency-key': options.idempotencyKey }),
        },
        body: file,
      },
    );
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', null);
  }
  const body = (await response.json().catch(() => null)) as
    (ImportResult & { code?: string; message?: string; details?: unknown }) | null;
  if (response.ok && body) return { ok: true, result: body };
  const code = typeof body?.code === 'string' ? body.code : 'INTERNAL';
  const message = typeof body?.message === 'string' ? body.message : `导入失败（HTTP ${response.status}）`;
  if (response.status === 400 && code === 'VALIDATION_FAILED')
    return { ok: false, refusal: { message, ...issuesOf(body?.details) } };
  throw new ApiError(response.status, code, message, body?.details ?? null);
}
