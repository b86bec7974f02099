import dayjs from 'dayjs';
import { PLAN_PERIOD_UNITS } from '../../../../shared/src/library.js';

/** API shapes of /api/library plans, grants, orders and the member's access window. */

export interface Plan {
  id: number;
  name: string;
  tier: 'free' | 'member';
  periodUnit: 'day' | 'month';
  periodCount: number;
  backYears: number;
  priceCents: number;
  active: boolean;
  version: number;
}

export interface AccessWindow {
  tier: 'free' | 'member';
  runStart: string | null;
  runEnd: string | null;
  earliestContentOn: string | null;
}

export interface Grant {
  id: number;
  memberId: number;
  memberName: string;
  tier: 'free' | 'member';
  source: string;
  planName: string | null;
  orderId: number | null;
  startsAt: string;
  endsAt: string | null;
  backYears: number;
  note: string;
  state: 'upcoming' | 'active' | 'ended' | 'revoked';
  revokedAt: string | null;
  revokeReason: string | null;
  createdAt: string;
}

export interface Order {
  id: number;
  memberId: number;
  memberName: string;
  planId: number;
  planName: string;
  amountCents: number;
  status: 'pending' | 'paid' | 'cancelled';
  paidCents: number | null;
  paymentRef: string | null;
  decidedAt: string | null;
  version: number;
  createdAt: string;
}

export interface Membership {
  window: AccessWindow;
  grants: Grant[];
  orders: Order[];
}

export const GRANT_STATES: Record<Grant['state'], { label: string; color: string }> = {
  upcoming: { label: '待生效', color: 'blue' },
  active: { label: '生效中', color: 'green' },
  ended: { label: '已到期', color: 'default' },
  revoked: { label: '已撤销', color: 'red' },
};

export const yuan = (cents: number): string => `¥${(cents / 100).toFixed(2)}`;
export const when = (iso: string | null): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '长期');
export const longDate = (date: string): string => dayjs(date).format('YYYY年M月D日');
export const periodText = (p: Pick<Plan, 'periodUnit' | 'periodCount'>): string =>
  `${p.periodCount}${PLAN_PERIOD_UNITS[p.periodUnit]}`;
