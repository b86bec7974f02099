import { App } from 'antd';
import { useCallback } from 'react';
import { errorText, isStale } from '../../api/errors.js';
import type { ActionOutcome } from '../supervision/detail/useItemAction.js';

/** One step on a record; a stale version (someone else moved it) reloads the list so the user sees why. */
export function useRecordAction(reload: () => void) {
  const { message } = App.useApp();
  return useCallback(
    async (success: string, call: () => Promise<unknown>): Promise<ActionOutcome> => {
      try {
        await call();
        void message.success(success);
        reload();
        return 'done';
      } catch (error) {
        void message.error(errorText(error));
        if (isStale(error)) reload();
        return isStale(error) ? 'stale' : 'failed';
      }
    },
    [message, reload],
  );
}
