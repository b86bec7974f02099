import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { errorText, isStale } from '../../api/errors.js';

/** Runs one administrative step, reports it in Chinese and reloads the library's lists. */
export function useAdminAction() {
  const { message } = App.useApp();
  const client = useQueryClient();
  return useCallback(
    async (success: string, call: () => Promise<unknown>): Promise<boolean> => {
      try {
        await call();
        void message.success(success);
        return true;
      } catch (error) {
        void message.error(errorText(error));
        // A stale row was changed by someone else: close the form so the reloaded list shows why.
        return isStale(error);
      } finally {
        await client.invalidateQueries({ queryKey: ['library'] });
      }
    },
    [message, client],
  );
}
