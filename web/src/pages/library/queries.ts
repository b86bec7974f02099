import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import { errorText, isStale } from '../../api/errors.js';
import type { EditorDetail } from './types.js';

export const editorKey = (id: number) => ['library', 'editor', id] as const;

export function useEditorMaterial(id: number | null) {
  return useQuery({
    queryKey: editorKey(id ?? 0),
    queryFn: () => api<EditorDetail>(`/api/library/editor/materials/${id ?? 0}`),
    enabled: id !== null && id > 0,
  });
}

/**
 * A change to a material (save, schedule, publish, withdraw): the answer replaces the cached material; a
 * stale version or a state that moved on shows the reason and reloads it.
 */
export function useMaterialChange() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async (key: string, success: string, call: () => Promise<EditorDetail>) => {
      setBusy(key);
      try {
        const detail = await call();
        client.setQueryData(editorKey(detail.id), detail);
        void client.invalidateQueries({ queryKey: ['library', 'list'] });
        void client.invalidateQueries({ queryKey: ['library', 'editor', 'list'] });
        void message.success(success);
        return detail;
      } catch (error) {
        const stale = isStale(error);
        void message.error(stale ? '资料已被他人修改，请载入最新版本后重试' : errorText(error));
        if (stale || (error instanceof ApiError && error.code === 'INVALID_STATE'))
          void client.invalidateQueries({ queryKey: ['library', 'editor'] });
        return null;
      } finally {
        setBusy(null);
      }
    },
    [client, message],
  );
  return { run, busy };
}
