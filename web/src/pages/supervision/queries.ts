import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useCallback, useRef } from 'react';
import { api, newIdempotencyKey } from '../../api/client.js';
import type { Colleague, DepartmentList } from '../../api/types.js';
import type { ItemDetail, WorkingDaysResult } from './types.js';

export const itemKey = (id: number) => ['supervision', 'item', id] as const;

export function useItem(id: number) {
  return useQuery({
    queryKey: itemKey(id),
    queryFn: () => api<ItemDetail>(`/api/items/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/**
 * Everyone in every department the user may see (leaders and supervisors see all): the choices for the
 * responsible leader, watchers and the leader filter. A department the server hides is left out.
 */
export function usePeople(enabled = true) {
  return useQuery({
    queryKey: ['supervision', 'people'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const departments = await api<DepartmentList>('/api/departments');
      const lists = await Promise.all(
        departments.items.map((d) =>
          api<{ items: Colleague[] }>(`/api/departments/${d.id}/members`).then(
            (r) => r.items,
            () => [] as Colleague[],
          ),
        ),
      );
      const seen = new Set<number>();
      return lists.flat().filter((p) => !seen.has(p.id) && seen.add(p.id));
    },
  });
}

/** Members of one department (a department head transferring the accountable person). */
export function useMembers(departmentId: number | null) {
  return useQuery({
    queryKey: ['departments', departmentId, 'members'],
    enabled: departmentId !== null,
    queryFn: () => api<{ items: Colleague[] }>(`/api/departments/${departmentId}/members`),
  });
}

/** The date N working days after today on the working calendar, with the warning for unpublished years. */
export function useWorkingDays(days: number | null | undefined) {
  const from = dayjs().format('YYYY-MM-DD');
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 365;
  return useQuery({
    queryKey: ['calendar', 'working-days', from, days],
    enabled: valid,
    staleTime: 60_000,
    queryFn: () => api<WorkingDaysResult>('/api/calendar/working-days', { query: { from, days } }),
  });
}

/**
 * An Idempotency-Key per attempt: the same body sent again (a retry after a lost answer) reuses its key,
 * a changed body gets a new one, and a success forgets it.
 */
export function useIdempotency() {
  const last = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const text = JSON.stringify(body);
    if (last.current?.body !== text) last.current = { body: text, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
  const done = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, done };
}
