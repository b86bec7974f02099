/** PostgreSQL backup (pg_dump custom format) and restore (one transaction), used by backup.ts. */
import { spawn } from 'node:child_process';
import { devNull } from 'node:os';
import pg from 'pg';
import { BackupError, runTool } from './backup-files.js';

const MIGRATION_TABLE = 'kysely_migration';

/**
 * libpq settings for the tools. The password goes through PGPASSWORD, not the command line, where
 * every local user could read it in `ps`.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv; database: string } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

const tail = (text: string): string => text.trim().split('\n').slice(-5).join('\n  ');

export async function backupPostgres(url: string, out: string): Promise<void> {
  const { dbname, env } = connection(url);
  const dump = await runTool('pg_dump', ['--format=custom', `--file=${out}`, `--dbname=${dbname}`], env);
  if (dump.code !== 0) throw new BackupError(`pg_dump 失败（退出码 ${dump.code}）：\n  ${tail(dump.stderr)}`);
  await verifyPostgresBackup(out);
}

/**
 * `--list` reads only the table of contents at the head of the archive, so a file cut short in its
 * data still lists fine; reading every entry into /dev/null is what catches the truncation.
 * Returns the schemas that hold tables in the archive.
 */
export async function verifyPostgresBackup(file: string): Promise<Set<string>> {
  const refuse = (why: string) => new BackupError(`备份文件 ${file} ${why}，拒绝使用`);
  const list = await runTool('pg_restore', ['--list', file], process.env);
  if (list.code !== 0)
    throw refuse(`不是有效的 pg_dump 归档（pg_restore --list 失败：${tail(list.stderr)}）`);
  const tables = [...list.stdout.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)].map((m) => ({
    schema: m[1] ?? '',
    name: m[2] ?? '',
  }));
  if (!tables.some((t) => t.name === MIGRATION_TABLE))
    throw refuse(`中没有 ${MIGRATION_TABLE} 表：不是落实的数据库备份`);
  const full = await runTool('pg_restore', [`--file=${devNull}`, file], process.env, { stdout: 'ignore' });
  if (full.code !== 0) throw refuse(`已损坏或不完整（pg_restore 读取失败：${tail(full.stderr)}）`);
  return new Set(tables.map((t) => t.schema));
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * `pg_restore --clean --if-exists` drops and recreates what the archive holds, but leaves tables the
 * archive does not know (added by a later migration); the migrator would then trip over them. Those
 * are dropped first, inside the same transaction.
 */
async function extraTables(url: string, schemas: Set<string>, archive: string): Promise<string[]> {
  const listed = await runTool('pg_restore', ['--list', archive], process.env);
  const inArchive = new Set(
    [...listed.stdout.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)].map((m) => `${m[1]}.${m[2]}`),
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema = any($1)`,
      [[...schemas]],
    );
    return rows
      .filter((r) => !inArchive.has(`${r.schema}.${r.name}`))
      .map((r) => `${ident(r.schema)}.${ident(r.name)}`);
  } finally {
    await client.end();
  }
}

/** Other sessions on the database: the running server would see its tables vanish mid-request. */
async function otherSessions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * The equivalent of `pg_restore --clean --if-exists --single-transaction`, run as pg_restore's script
 * piped into psql between our own BEGIN and COMMIT: that lets the extra-table drops share the
 * transaction, and COMMIT is sent only after pg_restore has exited cleanly, so a script cut short by a
 * read error is rolled back rather than committed half-way.
 */
export async function restorePostgres(
  url: string,
  file: string,
  options: { force?: boolean },
): Promise<void> {
  const { dbname, env, database } = connection(url);
  const schemas = await verifyPostgresBackup(file);
  // A server stopped a moment ago may still show as connected while its backends exit.
  let others = await otherSessions(url);
  for (let i = 0; others > 0 && !options.force && i < 6; i++) {
    await new Promise((r) => setTimeout(r, 500));
    others = await otherSessions(url);
  }
  if (others > 0 && !options.force)
    throw new BackupError(
      `数据库 ${database} 上还有 ${others} 个其他连接（服务是否仍在运行？）。请先停止服务再恢复；` +
        '恢复在一个事务中完成，确需在线恢复可加 --force。',
    );
  const extras = await extraTables(url, schemas, file);

  const psql = spawn('psql', ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', `--dbname=${dbname}`], {
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const restore = spawn('pg_restore', ['--clean', '--if-exists', '--no-owner', '--file=-', file], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let psqlErr = '';
  let restoreErr = '';
  psql.stderr.setEncoding('utf8').on('data', (c: string) => (psqlErr += c));
  restore.stderr.setEncoding('utf8').on('data', (c: string) => (restoreErr += c));
  const exited = (child: typeof psql | typeof restore, name: string) =>
    new Promise<number>((resolve, reject) => {
      child.on('error', (e: NodeJS.ErrnoException) =>
        reject(e.code === 'ENOENT' ? new BackupError(`未找到 ${name}：请安装 PostgreSQL 客户端工具`) : e),
      );
      child.on('close', (code) => resolve(code ?? 1));
    });
  const psqlDone = exited(psql, 'psql');
  const restoreDone = exited(restore, 'pg_restore');
  psql.stdin.on('error', () => undefined); // psql stopping on an error closes its input; its exit code says why

  psql.stdin.write('BEGIN;\n');
  for (const table of extras) psql.stdin.write(`DROP TABLE IF EXISTS ${table} CASCADE;\n`);
  restore.stdout.pipe(psql.stdin, { end: false });
  const restoreCode = await restoreDone;
  // Without COMMIT psql reaches the end of its input inside the transaction, and PostgreSQL rolls it back.
  psql.stdin.end(restoreCode === 0 ? 'COMMIT;\n' : '');
  const psqlCode = await psqlDone;
  if (restoreCode !== 0)
    throw new BackupError(`pg_restore 失败（退出码 ${restoreCode}），数据库未改动：\n  ${tail(restoreErr)}`);
  if (psqlCode !== 0)
    throw new BackupError(
      `恢复语句执行失败（psql 退出码 ${psqlCode}），事务已回滚，数据库未改动：\n  ${tail(psqlErr)}`,
    );
}
