import type { Db } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { removeAccessOf } from '../library/access/index.js';
import { removeAttachmentsOf } from '../library/attachments/index.js';
import { removeDemandsOf } from '../library/demands/index.js';
import { materialEditorsAmong, removeMaterialsCreatedBy } from '../library/materials/index.js';
import { deleteNotificationsOf } from '../notify/index.js';
import {
  deleteItemsCreatedBy,
  departmentsNamedInSupervision,
  usersNamedInSupervision,
} from '../supervision/index.js';
import {
  deleteDepartments,
  demoDepartmentIds,
  demoDepartmentsToKeep,
  demoUserIds,
  labelDemoDepartments,
  retireDemoUsers,
} from './repository.js';

export interface DemoRemoved {
  users: number;
  departments: number;
  items: number;
  materials: number;
  /** Demo accounts disabled, not deleted, because real work still names them. */
  keptUsers: number;
  /** Demo departments kept (labelled 演示数据) because real work or kept people still name them. */
  keptDepartments: number;
}

/**
 * Remove the demo organisation: the items its people created (with their assignments, feedback and
 * timelines) and library materials, their notifications, then its users (with their sessions and
 * roles), branches and departments. Real work is never lost: a demo person or department that a real
 * item, 通报, 责任追究 or material version still names is kept (people disabled), not deleted.
 */
export async function removeDemo(db: Db, ctx: Ctx): Promise<DemoRemoved> {
  return db.transaction().execute(async (trx) => {
    const at = nowIso(ctx);
    const departments = await demoDepartmentIds(trx);
    const users = await demoUserIds(trx);
    const items = await deleteItemsCreatedBy(trx, users);
    await removeDemandsOf(trx, users);
    const materials = await removeMaterialsCreatedBy(trx, users);
    await removeAttachmentsOf(trx, users);
    await removeAccessOf(trx, users);
    await deleteNotificationsOf(trx, users);
    const keptUsers = [
      ...new Set([
        ...(await usersNamedInSupervision(trx, users)),
        ...(await materialEditorsAmong(trx, users)),
      ]),
    ];
    const deletedUsers = await retireDemoUsers(trx, keptUsers, at);
    const keptDepartments = await demoDepartmentsToKeep(
      trx,
      departments,
      await departmentsNamedInSupervision(trx, departments),
    );
    await labelDemoDepartments(trx, keptDepartments, at);
    const doomed = departments.filter((id) => !keptDepartments.includes(id));
    const removed: DemoRemoved = {
      users: deletedUsers,
      departments: await deleteDepartments(trx, doomed),
      items,
      materials,
      keptUsers: keptUsers.length,
      keptDepartments: keptDepartments.length,
    };
    await recordAudit(trx, ctx, { action: 'demo.remove', objectType: 'system', changes: { ...removed } });
    return removed;
  });
}
