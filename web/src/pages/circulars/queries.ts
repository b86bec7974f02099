import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import { downloadFile } from '../../api/download.js';
import { errorText, isStale } from '../../api/errors.js';
import type { CircularDetail } from './types.js';

export const circularKey = (id: number) => ['circulars', 'one', id] as const;

export function useCircular(id: number) {
  return useQuery({
    queryKey: circularKey(id),
    queryFn: () => api<CircularDetail>(`/api/circulars/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/**
 * A change to the circular (text, 印发, 归档): the answer replaces the cached circular; a stale version or a
 * state that moved on shows the reason and reloads it.
 */
export function useCircularChange(id: number) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async (
      key: string,
      success: string,
      call: () => Promise<CircularDetail>,
    ): Promise<'done' | 'stale' | 'failed'> => {
      setBusy(key);
      try {
        client.setQueryData(circularKey(id), await call());
        void client.invalidateQueries({ queryKey: ['circulars', 'list'] });
        void message.success(success);
        return 'done';
      } catch (error) {
        const stale = isStale(error);
        void message.error(stale ? '通报已被他人修改，请查看最新内容后重试' : errorText(error));
        if (stale || (error instanceof ApiError && error.code === 'INVALID_STATE'))
          void client.invalidateQueries({ queryKey: circularKey(id) });
        return stale ? 'stale' : 'failed';
      } finally {
        setBusy(null);
      }
    },
    [client, id, message],
  );
  return { run, busy };
}

/** Download the .docx or .xlsx of a circular, telling the user the saved name or the server's refusal. */
export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = useCallback(
    async (path: string, fallback: string) => {
      setBusy(path);
      try {
        const name = await downloadFile(path, fallback);
        void message.success(`已下载：${name}`);
      } catch (error) {
        void message.error(errorText(error));
      } finally {
        setBusy(null);
      }
    },
    [message],
  );
  return { download, busy };
}
