import { z } from 'zod';
import type { LedgerRow } from './validate.js';

/** One ledger row as the import answers it: what will be (dry run) or was created. */
export function previewOf(row: LedgerRow, item: { id: number; number: string; status: string } | null) {
  return {
    row: row.row,
    title: row.input.title,
    sourceType: row.input.sourceType,
    urgency: row.input.urgency,
    responsibleLeader: row.leaderName,
    leadDepartment: row.lead.name,
    assistDepartments: row.assists.map((a) => a.name),
    deadline: row.input.deadline ?? null,
    workingDays: row.input.workingDays ?? null,
    feedbackCycle: row.input.feedbackCycle,
    standing: row.input.standing === true,
    tags: row.input.tags ?? [],
    item,
  };
}

export const importResultView = z.object({
  dryRun: z.boolean(),
  count: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      title: z.string(),
      sourceType: z.string(),
      urgency: z.string(),
      responsibleLeader: z.string().nullable(),
      leadDepartment: z.string(),
      assistDepartments: z.array(z.string()),
      deadline: z.string().nullable(),
      workingDays: z.number().nullable(),
      feedbackCycle: z.string(),
      standing: z.boolean(),
      tags: z.array(z.string()),
      item: z.object({ id: z.number(), number: z.string(), status: z.string() }).nullable(),
    }),
  ),
  warnings: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultView>;
