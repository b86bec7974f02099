/** File plumbing shared by the SQLite and PostgreSQL backups: SM3 sidecars, fsync, external tools. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  fsyncSync,
  openSync,
  closeSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname } from 'node:path';

/** An expected refusal (bad file, database in use, missing tool): the CLI prints the message only. */
export class BackupError extends Error {}

export const sidecarOf = (file: string): string => `${file}.sm3`;

export async function sm3OfFile(file: string): Promise<string> {
  const hash = createHash('sm3');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Same layout as sha256sum (`hash  name`), so operators can compare by eye or with gmssl. */
export function writeSidecar(file: string, checksum: string): void {
  const sidecar = sidecarOf(file);
  writeFileSync(sidecar, `${checksum}  ${basename(file)}\n`);
  fsyncPath(sidecar);
}

/**
 * The sidecar is optional (a backup copied without it is still restorable after its own integrity
 * check), but when present it must match: a mismatch means the file changed after it was written.
 */
export async function checkSidecar(file: string): Promise<'match' | 'absent'> {
  const sidecar = sidecarOf(file);
  if (!existsSync(sidecar)) return 'absent';
  const expected = readFileSync(sidecar, 'utf8').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!/^[0-9a-f]{64}$/.test(expected)) throw new BackupError(`校验文件格式错误：${sidecar}`);
  const actual = await sm3OfFile(file);
  if (actual !== expected)
    throw new BackupError(
      `备份文件 ${file} 的 SM3 校验和与 ${sidecar} 不符（文件已损坏或被改动），拒绝恢复。\n` +
        `  期望 ${expected}\n  实际 ${actual}`,
    );
  return 'match';
}

/** Flush a file (or directory entry) to disk, so a rename that follows survives a power cut. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export const fsyncDir = (file: string): void => fsyncPath(dirname(file));

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run pg_dump / pg_restore; a missing binary becomes a Chinese hint instead of a bare ENOENT. */
export function runTool(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { stdout?: 'capture' | 'ignore' } = {},
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: ['ignore', options.stdout === 'ignore' ? 'ignore' : 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(`未找到 ${command}：请安装 PostgreSQL 客户端工具（版本不低于数据库服务器）`)
          : error,
      ),
    );
    // A damaged archive can crash pg_restore outright (seen: SIGSEGV) with nothing on stderr.
    child.on('close', (code, signal) =>
      resolve({ code: code ?? 1, stdout, stderr: stderr || (signal ? `异常终止（${signal}）` : '') }),
    );
  });
}
