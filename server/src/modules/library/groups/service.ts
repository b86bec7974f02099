import type { LibraryTierName } from '../../../../../shared/src/library.js';
import type { Executor } from '../../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import { notFound, stale } from '../../../platform/http/errors.js';
import { diff, recordAudit } from '../../audit/index.js';
import { windowOf } from '../access/index.js';
import { mayAdministerGroups, mayJoinGroups } from './policy.js';
import {
  deleteGroupVersioned,
  findGroup,
  insertGroup,
  listGroups,
  updateGroupVersioned,
  type GroupRow,
} from './repository.js';

export interface GroupInput {
  tier: LibraryTierName;
  name: string;
  joinLink: string;
  notes: string;
}

const stored = (input: GroupInput) => ({
  tier: input.tier,
  name: input.name,
  join_link: input.joinLink,
  notes: input.notes,
});

/**
 * The groups as the viewer sees them now, with `entitled` per group. The member tier is judged from the
 * grants at this instant (windowOf), never stored: a grant that ended or was revoked takes the link away.
 */
export async function groupsFor(db: Executor, ctx: Ctx): Promise<{ row: GroupRow; entitled: boolean }[]> {
  const actor = mayJoinGroups(ctx.actor);
  const rows = await listGroups(db);
  const member =
    rows.some((r) => r.tier === 'member') &&
    (await windowOf(db, actor.id, ctx.clock.now())).tier === 'member';
  return rows.map((row) => ({ row, entitled: row.tier === 'free' || member }));
}

export async function loadGroupForAdmin(db: Executor, ctx: Ctx, id: number): Promise<GroupRow> {
  mayAdministerGroups(ctx.actor, '查看群组');
  const row = await findGroup(db, id);
  if (!row) throw notFound('群组');
  return row;
}

export function listGroupsForAdmin(db: Executor, ctx: Ctx) {
  mayAdministerGroups(ctx.actor, '查看群组');
  return listGroups(db);
}

export async function createGroup(trx: Executor, ctx: Ctx, input: GroupInput): Promise<number> {
  mayAdministerGroups(ctx.actor, '新建群组');
  const at = nowIso(ctx);
  const id = await insertGroup(trx, { ...stored(input), created_at: at, updated_at: at });
  await recordAudit(trx, ctx, {
    action: 'library.group.create',
    objectType: 'library_group',
    objectId: id,
    changes: { ...stored(input) },
  });
  return id;
}

export async function editGroup(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  input: GroupInput,
): Promise<void> {
  const row = await loadGroupForAdmin(trx, ctx, id);
  const changes = stored(input);
  if (!(await updateGroupVersioned(trx, id, version, { ...changes, updated_at: nowIso(ctx) }))) throw stale();
  await recordAudit(trx, ctx, {
    action: 'library.group.update',
    objectType: 'library_group',
    objectId: id,
    changes: diff(
      { tier: row.tier, name: row.name, join_link: row.join_link, notes: row.notes },
      { ...changes },
    ),
  });
}

export async function removeGroup(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  const row = await loadGroupForAdmin(trx, ctx, id);
  if (!(await deleteGroupVersioned(trx, id, version))) throw stale();
  await recordAudit(trx, ctx, {
    action: 'library.group.delete',
    objectType: 'library_group',
    objectId: id,
    changes: { tier: row.tier, name: row.name },
  });
}
