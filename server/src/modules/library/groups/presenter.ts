import { z } from 'zod';
import type { GroupRow } from './repository.js';

const tier = z.enum(['free', 'member']);

/** A group as a reader sees it: link and notes only while entitled, otherwise just its name. */
export const myGroupView = z.object({
  id: z.number(),
  tier,
  name: z.string(),
  entitled: z.boolean(),
  joinLink: z.string().nullable(),
  notes: z.string().nullable(),
});

export const adminGroupView = z.object({
  id: z.number(),
  tier,
  name: z.string(),
  joinLink: z.string(),
  notes: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});

export function presentMyGroup(row: GroupRow, entitled: boolean): z.infer<typeof myGroupView> {
  return {
    id: row.id,
    tier: row.tier,
    name: row.name,
    entitled,
    joinLink: entitled ? row.join_link : null,
    notes: entitled ? row.notes : null,
  };
}

export function presentAdminGroup(row: GroupRow): z.infer<typeof adminGroupView> {
  return {
    id: row.id,
    tier: row.tier,
    name: row.name,
    joinLink: row.join_link,
    notes: row.notes,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
