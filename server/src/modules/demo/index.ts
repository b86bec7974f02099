import type { Db } from '../../platform/db/schema.js';
import { nowIso, type Actor, type Ctx } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { createDepartment, createUser, insertBranch } from '../identity/index.js';
import { loadDemoMemberships } from '../library/access/index.js';
import { loadDemoMaterials } from '../library/materials/index.js';
import { playDemoItems } from './items.js';
import { DEMO_ADMINS, DEMO_DEPARTMENTS, DEMO_ROOT } from './organisation.js';
import { anyUsers } from './repository.js';
import { DemoStory } from './story.js';

export { anyUsers };
export { removeDemo, type DemoRemoved } from './removal.js';

export interface DemoLoaded {
  password: string;
  logins: { login: string; name: string; department: string; roles: string[] }[];
  items: number;
}

const IT_OFFICE = 'demo-xxzx';

/** One password for every demo account, so a newcomer can try each role. */
export const DEMO_PASSWORD = 'Luoshi@2026';

export async function loadDemo(db: Db, ctx: Ctx): Promise<DemoLoaded> {
  return db.transaction().execute(async (trx) => {
    const logins: DemoLoaded['logins'] = [];
    const people = new Map<string, Actor>();
    const departments = new Map<string, number>();
    const root = await createDepartment(trx, ctx, { ...DEMO_ROOT, parentId: null, sortOrder: 0 });
    let order = 1;
    let itOffice = root;
    for (const dept of DEMO_DEPARTMENTS) {
      const id = await createDepartment(trx, ctx, {
        code: dept.code,
        name: dept.name,
        parentId: root,
        sortOrder: order++,
      });
      if (dept.code === IT_OFFICE) itOffice = id;
      departments.set(dept.code, id);
      await insertBranch(trx, { department_id: id, name: `${dept.name}党支部`, created_at: nowIso(ctx) });
      for (const [login, name, roles] of dept.people) {
        const user = await createUser(trx, ctx, {
          login,
          name,
          departmentId: id,
          roles,
          password: DEMO_PASSWORD,
          isDemo: true,
        });
        logins.push({ login, name, department: dept.name, roles });
        people.set(login, { id: user.id, login, name, departmentId: id, roles });
      }
    }
    for (const [login, name, role] of DEMO_ADMINS) {
      await createUser(trx, ctx, {
        login,
        name,
        departmentId: itOffice,
        roles: [role],
        password: DEMO_PASSWORD,
        isDemo: true,
      });
      logins.push({ login, name, department: '信息技术保障室', roles: [role] });
    }
    const items = await playDemoItems(await DemoStory.start(trx, ctx, people, departments));
    const editor = people.get('editor1');
    const materials = editor ? await loadDemoMaterials(trx, ctx, editor) : 0;
    await loadDemoMemberships(trx, ctx, people);
    await recordAudit(trx, ctx, {
      action: 'demo.load',
      objectType: 'system',
      changes: { users: logins.length, departments: DEMO_DEPARTMENTS.length + 1, items, materials },
    });
    return { password: DEMO_PASSWORD, logins, items };
  });
}
