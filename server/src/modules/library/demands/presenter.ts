import { z } from 'zod';
import { DEMAND_STATUSES } from '../../../../../shared/src/library-demands.js';
import type { BoardRow } from './repository.js';

const status = z.enum(Object.keys(DEMAND_STATUSES) as [keyof typeof DEMAND_STATUSES]);

export const demandView = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  topic: z.string().nullable(),
  status,
  votes: z.number(),
  votedByMe: z.boolean(),
  mine: z.boolean(),
  requesterName: z.string(),
  /** The answer: a published material, linked by id. */
  material: z.object({ id: z.number(), title: z.string() }).nullable(),
  answerNote: z.string().nullable(),
  closeReason: z.string().nullable(),
  deciderName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type DemandView = z.infer<typeof demandView>;

export function presentDemand(row: BoardRow, viewerId: number): DemandView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    topic: row.topic,
    status: row.status,
    votes: Number(row.votes),
    votedByMe: Boolean(row.voted),
    mine: row.requested_by === viewerId,
    requesterName: row.requester_name,
    material:
      row.material_id !== null && row.material_title !== null
        ? { id: row.material_id, title: row.material_title }
        : null,
    answerNote: row.answer_note,
    closeReason: row.close_reason,
    deciderName: row.decider_name,
    decidedAt: row.decided_at,
    version: row.version,
    createdAt: row.created_at,
  };
}
