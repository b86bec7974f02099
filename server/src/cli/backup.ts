import { existsSync } from 'node:fs';
import { loadConfig, type Config } from '../platform/config.js';
import {
  BackupError,
  backupDatabase,
  restoreDatabase,
  sidecarOf,
  verifyBackup,
} from '../platform/db/backup.js';
import { recordAudit, type AuditEvent } from '../modules/audit/index.js';
import { cliCtx, openRuntime, UsageError } from './runtime.js';

function parse(args: string[], usage: string): { file: string; flags: Set<string> } {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || !files[0]) throw new UsageError(usage);
  return { file: files[0], flags };
}

/** Refusals from the backup code are expected outcomes: print the message, not a stack trace. */
async function expected<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Backups and restores are security-relevant operations, so they go into the audit trail. The data
 * operation has already succeeded when this runs, so a failure here is a warning, not an error.
 * Without the key file nothing is written: opening the runtime would silently create a new key.
 */
async function audit(config: Config, event: AuditEvent): Promise<void> {
  if (!existsSync(config.keyFile)) {
    console.warn(`警告：未找到密钥文件 ${config.keyFile}，本次操作未写入审计日志。`);
    return;
  }
  try {
    const deps = openRuntime(config);
    try {
      await deps.db.transaction().execute((trx) => recordAudit(trx, cliCtx(deps), event));
    } finally {
      await deps.database.close();
    }
  } catch (error) {
    console.warn(
      `警告：操作已完成，但未能写入审计日志：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** `backup FILE [--force]`: online backup; the server may keep running. */
export async function backup(args: string[]): Promise<void> {
  const { file, flags } = parse(args, '用法：backup 备份文件 [--force 覆盖已有文件]');
  const config = loadConfig();
  const started = Date.now();
  const result = await expected(() =>
    backupDatabase(config.databaseUrl, file, { overwrite: flags.has('--force') }),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `已备份（${result.dialect}）：${result.file}，${(result.bytes / 1048576).toFixed(1)} MB，用时 ${seconds} 秒`,
  );
  console.log(`完整性检查通过；SM3 校验和 ${result.checksum} 已写入 ${sidecarOf(result.file)}`);
  console.log(`注意：备份不含密钥文件 ${config.keyFile}（审计检查点与加密字段所用），请另行妥善保管。`);
  await audit(config, {
    action: 'database.backup',
    objectType: 'database',
    changes: { file: result.file, bytes: result.bytes, sm3: result.checksum },
  });
}

/** `restore FILE [--check] [--force]`: replaces the whole database; stop the server first. */
export async function restore(args: string[]): Promise<void> {
  const { file, flags } = parse(
    args,
    '用法：restore 备份文件 [--check 只校验不恢复] [--force 仅 PostgreSQL：有其他连接时仍恢复]',
  );
  const config = loadConfig();
  if (flags.has('--check')) {
    const sidecar = await expected(() => verifyBackup(config.databaseUrl, file));
    console.log(
      `备份文件可用：完整性检查通过，${sidecar === 'match' ? 'SM3 校验和一致' : '未找到 .sm3 校验文件'}`,
    );
    return;
  }
  const result = await expected(() =>
    restoreDatabase(config.databaseUrl, file, { force: flags.has('--force') }),
  );
  if (result.sidecar === 'absent')
    console.warn(`提示：未找到 ${sidecarOf(file)}，仅凭完整性检查确认了备份文件。`);
  console.log(`已从 ${file} 恢复数据库（${result.dialect}）。启动服务时会自动执行尚未执行的迁移。`);
  if (result.previous) console.log(`恢复前的数据库保留为 ${result.previous}，确认无误后可删除。`);
  await audit(config, {
    action: 'database.restore',
    objectType: 'database',
    changes: { file, sidecar: result.sidecar, previous: result.previous },
  });
}
