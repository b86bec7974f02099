import type { DemandStatus } from '../../../../../shared/src/library-demands.js';

export interface Demand {
  id: number;
  title: string;
  description: string;
  topic: string | null;
  status: DemandStatus;
  votes: number;
  votedByMe: boolean;
  mine: boolean;
  requesterName: string;
  material: { id: number; title: string } | null;
  answerNote: string | null;
  closeReason: string | null;
  deciderName: string | null;
  decidedAt: string | null;
  version: number;
  createdAt: string;
}

export interface DemandPage {
  total: number;
  items: Demand[];
}

export const STATUS_COLORS: Record<DemandStatus, string> = {
  open: 'processing',
  answered: 'success',
  closed: 'default',
};
