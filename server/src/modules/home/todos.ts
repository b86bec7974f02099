import { z } from 'zod';
import type { Db } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';

export const todoView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string(),
  link: z.string().nullable(),
  dueAt: z.string().nullable(),
  severity: z.enum(['info', 'warning', 'danger']),
});
export type Todo = z.infer<typeof todoView>;

/** Each module contributes the to-dos it knows about for the signed-in person. */
export type TodoProvider = (db: Db, ctx: Ctx) => Promise<Todo[]>;

const ORDER = { danger: 0, warning: 1, info: 2 } as const;

export async function collectTodos(db: Db, ctx: Ctx, providers: readonly TodoProvider[]): Promise<Todo[]> {
  const lists = await Promise.all(providers.map((provide) => provide(db, ctx)));
  return lists
    .flat()
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'));
}
