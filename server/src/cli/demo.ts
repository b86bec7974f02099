import { migrateUp } from '../platform/db/migrate.js';
import { anyUsers, loadDemo, removeDemo } from '../modules/demo/index.js';
import { cliCtx, openRuntime, UsageError } from './runtime.js';

export async function demo(args: string[]): Promise<void> {
  const action = args[0];
  if (action !== 'load' && action !== 'remove') throw new UsageError('demo 的子命令应为 load 或 remove');
  const deps = openRuntime();
  try {
    await migrateUp(deps.db);
    if (action === 'load') {
      if (await anyUsers(deps.db)) throw new UsageError('数据库中已有用户：演示数据只能载入空数据库');
      const loaded = await loadDemo(deps.db, cliCtx(deps));
      console.log(
        `已载入演示数据：${loaded.logins.length} 个账号，${loaded.items} 个督办事项，演示密码：${loaded.password}`,
      );
    } else {
      const removed = await removeDemo(deps.db, cliCtx(deps));
      console.log(
        `已删除演示数据：${removed.users} 个账号，${removed.departments} 个部门，${removed.items} 个督办事项`,
      );
      if (removed.keptUsers > 0)
        console.log(`另有 ${removed.keptUsers} 个演示账号因在真实督办事项或资料中留有记录而停用保留`);
      if (removed.keptDepartments > 0)
        console.log(
          `另有 ${removed.keptDepartments} 个演示部门因仍被真实记录引用而保留，名称已标注“演示数据”`,
        );
    }
  } finally {
    await deps.database.close();
  }
}
