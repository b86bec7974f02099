import { migrateDown, migrateUp, migrationStatus } from '../platform/db/migrate.js';
import { openRuntime, UsageError } from './runtime.js';

export async function migrate(args: string[]): Promise<void> {
  const action = args[0] ?? 'up';
  const deps = openRuntime();
  try {
    if (action === 'up') {
      const done = await migrateUp(deps.db);
      console.log(done.length ? done.join('\n') : '数据库已是最新版本');
    } else if (action === 'down') {
      const done = await migrateDown(deps.db);
      console.log(done.length ? done.join('\n') : '没有可回退的迁移');
    } else if (action === 'status') {
      for (const m of await migrationStatus(deps.db))
        console.log(
          `${m.executedAt ? '✔' : '✘'} ${m.name}${m.executedAt ? `  ${m.executedAt}` : '  （未执行）'}`,
        );
    } else {
      throw new UsageError(`migrate 的子命令应为 up、down 或 status，而不是 ${action}`);
    }
  } finally {
    await deps.database.close();
  }
}
