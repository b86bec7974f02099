import { z } from 'zod';
import { ACCOUNTABILITY_BASES, ACCOUNTABILITY_KINDS, ACCOUNTABILITY_STATUSES } from './labels.js';
import type { RecordRow } from './repository.js';

const person = z.object({ id: z.number(), name: z.string() });

export const accountabilityView = z.object({
  id: z.number(),
  assignmentId: z.number(),
  item: z.object({ id: z.number(), number: z.string(), title: z.string() }),
  department: person,
  basis: z.enum(['overdue', 'closed_late', 'returned']),
  basisLabel: z.string(),
  kind: z.enum(['interview', 'criticism', 'written_review', 'admonition', 'other']),
  kindLabel: z.string(),
  reason: z.string(),
  responsible: person,
  decidedBy: person,
  decidedOn: z.string(),
  status: z.enum(['open', 'rectifying', 'closed']),
  statusLabel: z.string(),
  rectificationNote: z.string().nullable(),
  closingNote: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export function presentRecord(r: RecordRow): z.infer<typeof accountabilityView> {
  return {
    id: r.id,
    assignmentId: r.assignment_id,
    item: { id: r.item_id, number: r.item_number, title: r.item_title },
    department: { id: r.department_id, name: r.department_name },
    basis: r.basis,
    basisLabel: ACCOUNTABILITY_BASES[r.basis],
    kind: r.kind,
    kindLabel: ACCOUNTABILITY_KINDS[r.kind],
    reason: r.reason,
    responsible: { id: r.responsible_user_id, name: r.responsible_name },
    decidedBy: { id: r.decided_by, name: r.decider_name },
    decidedOn: r.decided_on,
    status: r.status,
    statusLabel: ACCOUNTABILITY_STATUSES[r.status],
    rectificationNote: r.rectification_note,
    closingNote: r.closing_note,
    closedBy: r.closer_name,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    version: r.version,
  };
}
