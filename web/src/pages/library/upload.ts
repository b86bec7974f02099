import { ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie } from '../../api/client.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ImportedText {
  title: string | null;
  body: string;
  headings: number[];
}

/** Send the Word file itself as the request body; the server answers with its title, text and headings. */
export async function importDocx(file: File): Promise<ImportedText> {
  let response: Response;
  try {
    response = await fetch('/api/library/editor/import', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': DOCX,
        [CSRF_HEADER]: readCookie(CSRF_COOKIE) ?? '',
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', null);
  }
  const body = (await response.json().catch(() => null)) as
    (ImportedText & { code?: string; message?: string; details?: unknown }) | null;
  if (response.ok && body) return body;
  const code = typeof body?.code === 'string' ? body.code : 'INTERNAL';
  const message = typeof body?.message === 'string' ? body.message : `导入失败（HTTP ${response.status}）`;
  throw new ApiError(response.status, code, message, body?.details ?? null);
}
