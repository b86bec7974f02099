import { resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  /** Load the demo organisation into a new, empty database. */
  demo: boolean;
  /** 国密 profile: PBKDF2-HMAC-SM3 password hashes instead of argon2id. */
  gmProfile: boolean;
  /** Secure cookies (set when served over HTTPS, directly or behind a proxy). */
  secureCookies: boolean;
  /** Trust X-Forwarded-* from a reverse proxy. */
  trustProxy: boolean;
  /** File holding the key for audit checkpoints and field encryption, outside the database. */
  keyFile: string;
  loginRateLimitPerMinute: number;
  logLevel: string;
  /** Largest upload accepted into the file store (LUOSHI_UPLOAD_MAX_MB, default 50). */
  uploadMaxBytes: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.LUOSHI_DATA_DIR ?? './data');
  const port = Number(env.LUOSHI_PORT ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`LUOSHI_PORT 不是有效端口：${env.LUOSHI_PORT}`);
  return {
    host: env.LUOSHI_HOST ?? '127.0.0.1',
    port,
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'luoshi.db')}`,
    demo: flag(env.LUOSHI_DEMO, true),
    gmProfile: flag(env.LUOSHI_GM, false),
    secureCookies: flag(env.LUOSHI_SECURE_COOKIES, false),
    trustProxy: flag(env.LUOSHI_TRUST_PROXY, false),
    keyFile: resolve(env.LUOSHI_KEY_FILE ?? resolve(dataDir, 'luoshi.key')),
    loginRateLimitPerMinute: Number(env.LUOSHI_LOGIN_RATE_LIMIT ?? 20),
    logLevel: env.LUOSHI_LOG_LEVEL ?? 'info',
    uploadMaxBytes: Math.round(Number(env.LUOSHI_UPLOAD_MAX_MB ?? 50) * 1024 * 1024),
  };
}
