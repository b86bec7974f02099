import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../api/client.js';
import { errorText, isStale } from '../../../api/errors.js';
import { itemKey } from '../queries.js';
import type { AssignResult, ItemDetail, SubmittedFeedback } from '../types.js';

/** The item with a submitted feedback in its assignment's list (a resubmission replaces the returned one). */
function withFeedback(item: ItemDetail, { assignmentId, feedback }: SubmittedFeedback): ItemDetail {
  return {
    ...item,
    assignments: item.assignments.map((a) =>
      a.id === assignmentId
        ? {
            ...a,
            feedbacks: [...a.feedbacks.filter((f) => f.id !== feedback.id), feedback].sort((x, y) =>
              x.period.localeCompare(y.period),
            ),
          }
        : a,
    ),
  };
}

export type ActionOutcome = 'done' | 'stale' | 'failed';

/**
 * Run one step on the item: the answer (the item as it now stands) replaces the cached item; a feedback
 * submission answers with the feedback alone, shown at once while the item reloads. A stale version
 * (409) or a state that moved on shows the reason and reloads the item.
 */
export function useItemAction(itemId: number) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const run = useCallback(
    async (
      key: string,
      success: string,
      call: () => Promise<ItemDetail | AssignResult | SubmittedFeedback>,
    ): Promise<ActionOutcome> => {
      setBusy(key);
      try {
        const result = await call();
        if ('feedback' in result) {
          client.setQueryData<ItemDetail>(itemKey(itemId), (item) => item && withFeedback(item, result));
          void client.invalidateQueries({ queryKey: itemKey(itemId) });
        } else {
          client.setQueryData(itemKey(itemId), 'timeline' in result ? result : result.item);
        }
        void client.invalidateQueries({ queryKey: ['supervision', 'items'] });
        void client.invalidateQueries({ queryKey: ['home'] });
        void message.success(success);
        return 'done';
      } catch (error) {
        void message.error(errorText(error));
        const moved = error instanceof ApiError && (error.code === 'INVALID_STATE' || error.status === 404);
        if (isStale(error) || moved) void client.invalidateQueries({ queryKey: itemKey(itemId) });
        return isStale(error) ? 'stale' : 'failed';
      } finally {
        setBusy(null);
      }
    },
    [client, itemId, message],
  );

  return { run, busy };
}

export type RunAction = ReturnType<typeof useItemAction>['run'];
