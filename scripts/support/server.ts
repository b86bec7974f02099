/** What bench/http.ts and scripts/crash-safety.ts share: the real server as a child process, and a client. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

/** The compiled server when `npm run build` has been run (what production runs), else tsx. */
export function serverCommand(prefer: 'dist' | 'tsx' = 'dist'): { args: string[]; label: string } {
  const compiled = join(root, 'dist/server/src/main.js');
  return prefer === 'dist' && existsSync(compiled)
    ? { args: [compiled, 'serve'], label: 'dist（已编译）' }
    : { args: ['--import', 'tsx', 'server/src/main.ts', 'serve'], label: 'tsx（未编译）' };
}

/** Environment for a server on its own data directory: never the caller's DATABASE_URL or key file. */
export function serverEnv(dataDir: string, port: number, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LUOSHI_DATA_DIR: dataDir,
    LUOSHI_PORT: String(port),
    LUOSHI_DEMO: '1',
    LUOSHI_LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.LUOSHI_KEY_FILE;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Start `serve` and wait for its "已启动" line; `onOutput` sees everything it prints. */
export function startServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  onOutput: (chunk: string) => void = () => undefined,
): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`服务 60 秒内未启动：\n${output}`)), 60_000);
    const take = (chunk: string) => {
      output += chunk;
      onOutput(chunk);
      if (output.includes('已启动')) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    };
    child.stdout?.setEncoding('utf8').on('data', take);
    child.stderr?.setEncoding('utf8').on('data', take);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!output.includes('已启动')) reject(new Error(`服务启动失败（${code ?? signal}）：\n${output}`));
    });
  });
}

export const demoPassword = (output: string): string | undefined => /演示密码：(\S+)/.exec(output)?.[1];

/** Send a signal and wait until the process is gone. */
export function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  return exited;
}

/** The browser's side of the cookie protocol: keeps cookies and echoes the CSRF cookie on writes. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(public base: string) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': this.cookies.get('luoshi_csrf') ?? '',
      ...extra,
    };
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(this.base + path, {
      ...init,
      headers: this.headers(init.headers as Record<string, string> | undefined),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      if (i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    return res;
  }

  /** GET /api/session sets the CSRF cookie; POST /api/session then signs in. */
  async login(login: string, password: string): Promise<void> {
    await this.fetch('/api/session');
    const res = await this.fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    const body = (await res.json()) as { stage?: string };
    if (res.status !== 200 || body.stage !== 'full')
      throw new Error(`${login} 登录失败：${res.status} ${JSON.stringify(body)}`);
  }
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/**
 * CPU seconds the server process has used (Linux). Divided by the requests served it gives the cost of
 * one request, which, unlike req/s, hardly depends on what else the machine is running.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime + stime
  } catch {
    return null;
  }
}
