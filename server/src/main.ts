#!/usr/bin/env node
import { AppError } from './platform/http/errors.js';
import { UsageError } from './cli/runtime.js';

const HELP = `落实 Luoshi 命令行

  serve [--role web|worker|all]     启动服务（默认 all：网页 + 后台任务）
  migrate [up|down|status]          数据库迁移
  user create --login L --name N [--department CODE] [--role R …]
  user reset-password LOGIN | user unlock LOGIN
  demo load|remove                  载入 / 删除演示数据
  audit verify|checkpoint           校验审计日志 / 写入检查点（校验失败时退出码为 1）
  audit purge --before YYYY-MM-DD   清理该日（UTC）之前的审计记录，至少保留 183 天
  backup FILE [--force]             在线备份数据库（服务可继续运行），并写 FILE.sm3 校验文件
  restore FILE [--check] [--force]  校验并恢复备份（须先停止服务；--check 只校验）
  proofread FILE… [--format json] [--fix]  公文校对 .txt/.docx（发现错误时退出码为 1）

环境变量：DATABASE_URL（默认 sqlite:./data/luoshi.db，或 postgres://…）、LUOSHI_PORT（8080）、
LUOSHI_HOST（127.0.0.1）、LUOSHI_DATA_DIR（./data）、LUOSHI_DEMO（1）、LUOSHI_GM（国密口令散列）`;

const commands: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  serve: async () => (await import('./cli/serve.js')).serve,
  migrate: async () => (await import('./cli/migrate.js')).migrate,
  user: async () => (await import('./cli/user.js')).user,
  demo: async () => (await import('./cli/demo.js')).demo,
  audit: async () => (await import('./cli/audit.js')).audit,
  backup: async () => (await import('./cli/backup.js')).backup,
  restore: async () => (await import('./cli/backup.js')).restore,
  proofread: async () => (await import('../../proofread/src/cli.js')).proofreadCommand,
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? commands[name] : undefined;
  if (!load) {
    console.log(HELP);
    process.exitCode = name && name !== 'help' && name !== '--help' ? 2 : 0;
    return;
  }
  await (
    await load()
  )(args);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof AppError) {
    console.error(`错误：${error.message}`);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
