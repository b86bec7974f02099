import type { Generated } from 'kysely';
import type { DemandStatus } from '../../../../../shared/src/library-demands.js';

/** Tables of migration 0015 (demand board), merged into the application's DB interface. */

export interface LibraryDemandTable {
  id: Generated<number>;
  title: string;
  description: string;
  topic: string | null;
  status: DemandStatus;
  /** Count of library_demand_votes rows, kept in each vote's transaction. */
  votes: Generated<number>;
  requested_by: number;
  /** The published material an editor answered with. */
  material_id: number | null;
  answer_note: string | null;
  close_reason: string | null;
  /** The editor who answered or closed it, and when. */
  decided_by: number | null;
  decided_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface LibraryDemandVoteTable {
  demand_id: number;
  user_id: number;
  created_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    library_demands: LibraryDemandTable;
    library_demand_votes: LibraryDemandVoteTable;
  }
}
