import { parseArgs } from 'node:util';
import { migrateUp } from '../platform/db/migrate.js';
import { purgeAudit, verifyAuditTrail, writeCheckpoint } from '../modules/audit/index.js';
import { cliCtx, openRuntime, UsageError } from './runtime.js';

const USAGE = '用法：audit verify | audit checkpoint | audit purge --before YYYY-MM-DD';

export async function audit(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'verify' && action !== 'checkpoint' && action !== 'purge') throw new UsageError(USAGE);
  const before =
    action === 'purge'
      ? parseArgs({ args: rest, options: { before: { type: 'string' } } }).values.before
      : undefined;
  if (action === 'purge' && !before) throw new UsageError(USAGE);
  const deps = openRuntime();
  const ctx = cliCtx(deps);
  try {
    await migrateUp(deps.db);
    if (action === 'verify') {
      const result = await verifyAuditTrail(deps.db, deps.keys);
      if (result.firstBad) {
        console.log(`审计日志校验失败：第 ${result.firstBad.seq} 条，${result.firstBad.reason}`);
        // Exit code 1 lets a cron job or monitoring script raise the alarm.
        process.exitCode = 1;
      } else {
        console.log(`审计日志校验通过：${result.rows} 条记录，${result.checkpoints} 个检查点`);
      }
    } else if (action === 'checkpoint') {
      const cp = await writeCheckpoint(deps.db, ctx);
      console.log(
        cp
          ? `已写入检查点：截至第 ${cp.head_seq} 条，累计 ${cp.row_count} 条`
          : '自上一个检查点以来没有新的审计记录，未写入',
      );
    } else {
      const purged = await purgeAudit(deps.db, ctx, before ?? '');
      console.log(`已清理 ${purged.before.slice(0, 10)}（UTC）之前的审计记录 ${purged.rows} 条`);
    }
  } finally {
    await deps.database.close();
  }
}
