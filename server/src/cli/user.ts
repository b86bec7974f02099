import { parseArgs } from 'node:util';
import { isRole } from '../../../shared/src/roles.js';
import { migrateUp } from '../platform/db/migrate.js';
import { createUser, findUserByLogin, resetPassword, unlockUser } from '../modules/identity/index.js';
import { findDepartmentByCode } from '../modules/identity/departments-repository.js';
// Loaded for its role listener: a member created here gets the library's signup grant as over the API.
import '../modules/library/access/index.js';
import { cliCtx, openRuntime, UsageError } from './runtime.js';

export async function user(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const deps = openRuntime();
  const ctx = cliCtx(deps);
  try {
    await migrateUp(deps.db);
    if (action === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: {
          login: { type: 'string' },
          name: { type: 'string' },
          department: { type: 'string' },
          role: { type: 'string', multiple: true },
        },
      });
      if (!values.login || !values.name)
        throw new UsageError(
          '用法：user create --login 登录名 --name 姓名 [--department 部门编码] [--role 角色 …]',
        );
      const roles = (values.role ?? []).map((r) => {
        if (!isRole(r)) throw new UsageError(`未知角色：${r}`);
        return r;
      });
      const created = await deps.db.transaction().execute(async (trx) => {
        const department = values.department ? await findDepartmentByCode(trx, values.department) : undefined;
        if (values.department && !department) throw new UsageError(`部门编码不存在：${values.department}`);
        return createUser(trx, ctx, {
          login: values.login as string,
          name: values.name as string,
          departmentId: department?.id ?? null,
          roles: roles,
        });
      });
      console.log(`已创建用户 ${values.login}（id ${created.id}）`);
      console.log(`一次性密码（仅显示这一次，首次登录须修改）：${created.issuedPassword ?? ''}`);
      return;
    }
    const login = rest[0];
    if ((action !== 'reset-password' && action !== 'unlock') || !login)
      throw new UsageError('用法：user create|reset-password 登录名|unlock 登录名');
    const found = await findUserByLogin(deps.db, login);
    if (!found) throw new UsageError(`用户不存在：${login}`);
    if (action === 'unlock') {
      await deps.db.transaction().execute((trx) => unlockUser(trx, ctx, found.id));
      console.log(`已解锁 ${login}`);
    } else {
      const password = await deps.db
        .transaction()
        .execute((trx) => resetPassword(trx, ctx, found.id, found.version));
      console.log(`已重置 ${login} 的密码。一次性密码（仅显示这一次，登录后须修改）：${password}`);
    }
  } finally {
    await deps.database.close();
  }
}
