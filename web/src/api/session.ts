import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './client.js';
import type { DepartmentList, SessionInfo } from './types.js';

export const SESSION_KEY = ['session'] as const;
export const DEPARTMENTS_KEY = ['departments'] as const;

/** GET /api/session also sets the CSRF cookie, so it is the first call the app makes. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => api<SessionInfo>('/api/session'),
    staleTime: Infinity,
    retry: 1,
  });
}

export function useRefreshSession(): () => Promise<SessionInfo> {
  const client = useQueryClient();
  return useCallback(
    () =>
      client.fetchQuery({
        queryKey: SESSION_KEY,
        queryFn: () => api<SessionInfo>('/api/session'),
        staleTime: 0,
      }),
    [client],
  );
}

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: DEPARTMENTS_KEY,
    queryFn: () => api<DepartmentList>('/api/departments'),
    enabled,
    staleTime: 60_000,
  });
}

/** Sign out, then reload on the login page so no data of this user stays in memory. */
export async function signOut(): Promise<void> {
  try {
    await api<null>('/api/session', { method: 'DELETE', noRedirect: true });
  } finally {
    window.location.assign('/login');
  }
}
