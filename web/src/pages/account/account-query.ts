import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { AccountInfo } from '../../api/types.js';

export const ACCOUNT_KEY = ['account'] as const;

export function useAccount() {
  return useQuery({ queryKey: ACCOUNT_KEY, queryFn: () => api<AccountInfo>('/api/account') });
}
