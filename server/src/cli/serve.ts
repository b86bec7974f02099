import { buildApp } from '../app.js';
import { startCheckpointer } from '../platform/db/checkpointer.js';
import { migrateUp } from '../platform/db/migrate.js';
import type { AppDeps } from '../platform/deps.js';
import { anyUsers, loadDemo } from '../modules/demo/index.js';
import { createUser } from '../modules/identity/index.js';
import { ensureOwedPeriods } from '../modules/supervision/index.js';
import { cliCtx, openRuntime, UsageError } from './runtime.js';
import { startWorkers } from './workers.js';

export type Role = 'web' | 'worker' | 'all';

async function firstStart(deps: AppDeps): Promise<void> {
  if (await anyUsers(deps.db)) return;
  const ctx = cliCtx(deps);
  if (deps.config.demo) {
    const demo = await loadDemo(deps.db, ctx);
    console.log(
      `\n已载入演示数据（演示数据：某市纪委监委，12 个部门，每个部门一个党支部，${demo.items} 个督办事项）。`,
    );
    console.log(`演示密码：${demo.password}`);
    console.log('演示账号（登录名 姓名 部门 角色）：');
    for (const u of demo.logins)
      console.log(`  ${u.login.padEnd(14)} ${u.name}\t${u.department}\t${u.roles.join(',')}`);
    console.log('删除演示数据：npm run luoshi -- demo remove\n');
    return;
  }
  const created = await deps.db.transaction().execute((trx) =>
    createUser(trx, ctx, {
      login: 'sysadmin',
      name: '系统管理员',
      departmentId: null,
      roles: ['system_admin'],
    }),
  );
  console.log('\n已创建系统管理员账号：sysadmin');
  console.log(`一次性密码（仅显示这一次，首次登录须修改）：${created.issuedPassword ?? ''}`);
  console.log(
    '安全管理员、审计管理员请用命令行创建：npm run luoshi -- user create --login secadmin --name 安全管理员 --role security_admin\n',
  );
}

export async function serve(args: string[]): Promise<void> {
  const roleArg =
    args.find((a) => a.startsWith('--role'))?.split('=')[1] ??
    (args.includes('--role') ? args[args.indexOf('--role') + 1] : 'all');
  if (roleArg !== 'web' && roleArg !== 'worker' && roleArg !== 'all')
    throw new UsageError(`--role 应为 web、worker 或 all，而不是 ${roleArg}`);
  const role: Role = roleArg;
  const deps = openRuntime();
  await migrateUp(deps.db);
  await ensureOwedPeriods(deps.db, deps.clock.now().toISOString());
  await firstStart(deps);
  const handle = deps.database.sqliteHandle;
  const checkpointer =
    handle &&
    startCheckpointer(handle, {
      onError: (error) => console.error(`SQLite 检查点线程出错，改由请求线程做检查点：${error.message}`),
    });

  const stopWorkers = role === 'web' ? null : startWorkers(deps);
  const app = role === 'worker' ? null : await buildApp(deps, { logger: { level: deps.config.logLevel } });
  if (app) {
    await app.listen({ host: deps.config.host, port: deps.config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : deps.config.port;
    console.log(
      `落实 已启动：http://${deps.config.host}:${port}  （数据库：${deps.database.dialect}，角色：${role}）`,
    );
  } else {
    console.log('落实 后台任务进程已启动（--role worker）');
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopWorkers?.();
    await app?.close();
    await checkpointer?.stop();
    await deps.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
