import type { AccountabilityKind, AccountabilityStatus } from '../../../../shared/src/supervision.js';

interface Named {
  id: number;
  name: string;
}

/** API shape of /api/accountability (server: supervision/accountability/presenter.ts). */
export interface AccountabilityRecord {
  id: number;
  assignmentId: number;
  item: { id: number; number: string; title: string };
  department: Named;
  basis: 'overdue' | 'closed_late' | 'returned';
  basisLabel: string;
  kind: AccountabilityKind;
  kindLabel: string;
  reason: string;
  responsible: Named;
  decidedBy: Named;
  decidedOn: string;
  status: AccountabilityStatus;
  statusLabel: string;
  rectificationNote: string | null;
  closingNote: string | null;
  closedBy: string | null;
  closedAt: string | null;
  createdAt: string;
  version: number;
}

export const STATUS_COLORS: Record<AccountabilityStatus, string> = {
  open: 'red',
  rectifying: 'gold',
  closed: 'green',
};
