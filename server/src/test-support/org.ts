import type { Role } from '../../../shared/src/roles.js';
import { createDepartment, createUser } from '../modules/identity/index.js';
import type { TestApp } from './app.js';

export const PASSWORD = 'Qw3rty!234';

export interface TestOrg {
  departments: { office: number; first: number; second: number };
  users: Record<string, number>;
}

/** A small organisation: the office, two inspection rooms, and one person per role. */
export async function seedOrg(t: TestApp): Promise<TestOrg> {
  const ctx = t.ctx();
  return t.deps.db.transaction().execute(async (trx) => {
    const office = await createDepartment(trx, ctx, { name: '办公室', code: 'office', parentId: null });
    const first = await createDepartment(trx, ctx, { name: '第一监督检查室', code: 'jd1', parentId: null });
    const second = await createDepartment(trx, ctx, { name: '第二监督检查室', code: 'jd2', parentId: null });
    const people: [string, number | null, Role[]][] = [
      ['sysadmin', office, ['system_admin']],
      ['secadmin', office, ['security_admin']],
      ['auditadmin', office, ['audit_admin']],
      ['leader', office, ['leader']],
      ['supervisor', office, ['supervisor']],
      ['head1', first, ['department_head']],
      ['handler1', first, ['handler']],
      ['head2', second, ['department_head']],
      ['handler2', second, ['handler']],
      ['member', second, ['member']],
    ];
    const users: Record<string, number> = {};
    for (const [login, dept, roles] of people) {
      users[login] = (
        await createUser(trx, ctx, { login, name: login, departmentId: dept, roles, password: PASSWORD })
      ).id;
    }
    return { departments: { office, first, second }, users };
  });
}
