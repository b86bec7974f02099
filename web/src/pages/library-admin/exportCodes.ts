import { ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie } from '../../api/client.js';

/**
 * Downloads a batch's codes. A POST with the CSRF header, unlike downloadFile's GET: the export is
 * allowed once and forgets the codes, so it is a change, not a read.
 */
export async function exportCodes(batchId: number, format: 'xlsx' | 'csv'): Promise<void> {
  const token = readCookie(CSRF_COOKIE);
  let response: Response;
  try {
    response = await fetch(`/api/library/code-batches/${batchId}/export?format=${format}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: token ? { [CSRF_HEADER]: token } : {},
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', null);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
    throw new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : 'INTERNAL',
      typeof body.message === 'string' ? body.message : `导出失败（HTTP ${response.status}）`,
      null,
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `兑换码-第${batchId}批.${format}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
