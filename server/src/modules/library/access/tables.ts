import type { Generated } from 'kysely';

/** Tables of migration 0011, merged into the application's DB interface (schema.ts stays untouched). */

export type LibraryTier = 'free' | 'member';

export interface LibraryPlanTable {
  id: Generated<number>;
  name: string;
  tier: LibraryTier;
  period_unit: 'day' | 'month';
  period_count: number;
  /** Years of material before the membership run's start that the plan opens. */
  back_years: Generated<number>;
  price_cents: number;
  active: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type OrderStatus = 'pending' | 'paid' | 'cancelled';

export interface LibraryOrderTable {
  id: Generated<number>;
  member_id: number;
  plan_id: number;
  amount_cents: number;
  status: OrderStatus;
  paid_cents: number | null;
  payment_ref: string | null;
  decided_by: number | null;
  decided_at: string | null;
  version: Generated<number>;
  created_at: string;
}

export interface LibraryCodeBatchTable {
  id: Generated<number>;
  plan_id: number;
  count: number;
  expires_at: string;
  note: string;
  /** SM4-encrypted JSON list of the plain codes, cleared by the one export. */
  pending_codes: string | null;
  exported_at: string | null;
  created_by: number;
  created_at: string;
}

export interface LibraryCodeTable {
  id: Generated<number>;
  batch_id: number;
  code_hash: string;
  redeemed_by: number | null;
  redeemed_at: string | null;
}

export interface LibraryGrantTable {
  id: Generated<number>;
  member_id: number;
  tier: LibraryTier;
  source: string;
  plan_id: number | null;
  order_id: number | null;
  code_id: number | null;
  starts_at: string;
  /** null: open-ended (the free signup grant). */
  ends_at: string | null;
  back_years: number;
  note: string;
  revoked_at: string | null;
  revoked_by: number | null;
  revoke_reason: string | null;
  created_by: number | null;
  created_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    library_plans: LibraryPlanTable;
    library_orders: LibraryOrderTable;
    library_code_batches: LibraryCodeBatchTable;
    library_codes: LibraryCodeTable;
    library_grants: LibraryGrantTable;
  }
}
