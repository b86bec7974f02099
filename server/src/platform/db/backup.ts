/**
 * Backup and restore of the whole database, for both dialects.
 *
 * Every backup is verified before it is given its final name and gets an SM3 sidecar (`FILE.sm3`).
 * Every restore verifies the file first and then swaps the database in one atomic step (SQLite:
 * rename; PostgreSQL: one transaction), so a bad file or a crash never leaves a half-restored database.
 */
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sqliteFileFromUrl, type DialectName } from './database.js';
import { BackupError, checkSidecar, fsyncDir, fsyncPath, sm3OfFile, writeSidecar } from './backup-files.js';
import { backupPostgres, restorePostgres, verifyPostgresBackup } from './backup-postgres.js';

export { BackupError, sidecarOf } from './backup-files.js';

export interface BackupResult {
  dialect: DialectName;
  file: string;
  bytes: number;
  checksum: string;
}

export interface RestoreResult {
  dialect: DialectName;
  /** 'absent' when the backup came without its `.sm3` sidecar (its integrity check still ran). */
  sidecar: 'match' | 'absent';
  /** SQLite: the replaced database, kept beside it (hard link, no copy) until the operator deletes it. */
  previous: string | null;
}

export interface RestoreOptions {
  /** PostgreSQL only: restore even though other sessions are connected (SQLite never allows it). */
  force?: boolean;
}

export const dialectOfUrl = (url: string): DialectName =>
  /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';

/** The table Kysely's migrator keeps: a file without it is not a Luoshi database. */
export const MIGRATION_TABLE = 'kysely_migration';

export async function backupDatabase(
  url: string,
  target: string,
  options: { overwrite?: boolean } = {},
): Promise<BackupResult> {
  const file = resolve(target);
  if (existsSync(file) && !options.overwrite)
    throw new BackupError(`备份文件已存在：${file}（换一个文件名，或加 --force 覆盖）`);
  if (!existsSync(dirname(file))) throw new BackupError(`备份目录不存在：${dirname(file)}`);
  // Written under a temporary name and renamed only once verified: FILE is either a good backup or absent.
  const partial = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  const dialect = dialectOfUrl(url);
  try {
    if (dialect === 'postgres') await backupPostgres(url, partial);
    else await backupSqlite(sqliteFileFromUrl(url), partial);
    const checksum = await sm3OfFile(partial);
    fsyncPath(partial);
    renameSync(partial, file);
    fsyncDir(file);
    writeSidecar(file, checksum);
    return { dialect, file, bytes: statSync(file).size, checksum };
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Check a backup without touching the live database (the restore runs the same checks first). */
export async function verifyBackup(url: string, target: string): Promise<'match' | 'absent'> {
  const file = resolve(target);
  if (!existsSync(file)) throw new BackupError(`备份文件不存在：${file}`);
  const sidecar = await checkSidecar(file);
  if (dialectOfUrl(url) === 'postgres') await verifyPostgresBackup(file);
  else verifySqliteFile(file);
  return sidecar;
}

export async function restoreDatabase(
  url: string,
  target: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const file = resolve(target);
  const sidecar = await verifyBackup(url, file);
  if (dialectOfUrl(url) === 'postgres') {
    await restorePostgres(url, file, options);
    return { dialect: 'postgres', sidecar, previous: null };
  }
  const previous = restoreSqlite(sqliteFileFromUrl(url), file);
  return { dialect: 'sqlite', sidecar, previous };
}

// ── SQLite ────────────────────────────────────────────────────────────────────────────────────────

async function backupSqlite(dbFile: string, out: string): Promise<void> {
  if (!existsSync(dbFile)) throw new BackupError(`数据库文件不存在：${dbFile}`);
  const source = new BetterSqlite3(dbFile, { fileMustExist: true, timeout: 5000 });
  try {
    // After better-sqlite3's zero-page first step, copy every page in ONE step: one read transaction,
    // so the copy is a consistent snapshot. In WAL mode the running server keeps writing meanwhile;
    // with small steps each of its commits would restart the backup from page one.
    await source.backup(out, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new BetterSqlite3(out, { fileMustExist: true });
  try {
    // A self-contained single file: no -wal/-shm companions to lose when the backup is moved.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  verifySqliteFile(out);
}

/** Opened read-only: a structurally sound SQLite file that holds Luoshi's migration table. */
function verifySqliteFile(file: string): void {
  let handle: BetterSqlite3.Database | null = null;
  try {
    handle = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    // A file cut inside its last page still passes integrity_check (the short page reads as zeros),
    // but a sound database is always exactly page_count pages long.
    const pages =
      (handle.pragma('page_count', { simple: true }) as number) *
      (handle.pragma('page_size', { simple: true }) as number);
    if (statSync(file).size !== pages)
      throw new BackupError(
        `备份文件 ${file} 长度与其页数不符（${statSync(file).size} ≠ ${pages} 字节），文件不完整，拒绝使用`,
      );
    const rows = handle.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0 || rows.length === 0)
      throw new BackupError(
        `备份文件 ${file} 未通过完整性检查（PRAGMA integrity_check），拒绝使用：\n  ${problems.slice(0, 5).join('\n  ')}`,
      );
    const table = handle
      .prepare("select name from sqlite_master where type = 'table' and name = ?")
      .get(MIGRATION_TABLE);
    if (!table)
      throw new BackupError(`备份文件 ${file} 中没有 ${MIGRATION_TABLE} 表：不是落实的数据库备份，拒绝使用`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // Truncated or overwritten files fail already on open or on the first page read.
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(`备份文件 ${file} 已损坏，无法作为 SQLite 数据库读取（${reason}），拒绝使用`);
  } finally {
    handle?.close();
  }
}

const stamp = (): string => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

/**
 * Copy the backup beside the database, verify the copy, then rename it over the database: the rename is
 * atomic, so a crash leaves either the old database or the restored one, never a mix.
 * Refuses while any other process (the server) has the database open: that process would go on
 * writing to the replaced file, and those writes would be lost.
 */
function restoreSqlite(dbFile: string, backupFile: string): string | null {
  mkdirSync(dirname(dbFile), { recursive: true });
  const incoming = join(dirname(dbFile), `.${basename(dbFile)}.restore-${process.pid}`);
  try {
    copyFileSync(backupFile, incoming);
    fsyncPath(incoming);
    verifySqliteFile(incoming); // the copy itself (disk full, bad sector) before it replaces anything
    if (!existsSync(dbFile)) {
      renameSync(incoming, dbFile);
      fsyncDir(dbFile);
      return null;
    }
    const live = new BetterSqlite3(dbFile, { fileMustExist: true, timeout: 0 });
    try {
      try {
        // Leaving WAL mode succeeds only when no other connection is open, and it folds the -wal file
        // back into the database, so no stale WAL is left to be replayed onto the restored file.
        const mode = live.pragma('journal_mode = DELETE', { simple: true }) as string;
        if (mode !== 'delete') throw new Error(`journal_mode=${mode}`);
        // Hold the file exclusively until the rename, so nobody opens the old one in between.
        live.exec('begin exclusive');
      } catch (error) {
        throw new BackupError(
          `数据库 ${dbFile} 正被其他进程使用（服务是否仍在运行？），为免恢复后的数据被覆盖，拒绝恢复。` +
            `请先停止服务再执行 restore。（${error instanceof Error ? error.message : String(error)}）`,
        );
      }
      const previous = `${dbFile}.before-restore-${stamp()}`;
      try {
        linkSync(dbFile, previous);
      } catch {
        copyFileSync(dbFile, previous); // file systems without hard links
      }
      for (const companion of ['-wal', '-shm', '-journal']) rmSync(dbFile + companion, { force: true });
      renameSync(incoming, dbFile);
      fsyncDir(dbFile);
      live.exec('rollback');
      return previous;
    } finally {
      live.close();
    }
  } finally {
    rmSync(incoming, { force: true });
  }
}
