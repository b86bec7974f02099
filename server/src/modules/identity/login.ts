import { TOTP, Secret } from 'otpauth';
import type { Role } from '../../../../shared/src/roles.js';
import type { Db, Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { DAY, MINUTE } from '../../platform/clock.js';
import { decryptField, type Keys } from '../../platform/keys.js';
import { AppError } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/index.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { getSecurityPolicy, type SecurityPolicy } from './security-policy.js';
import { openSession, type SessionStage } from './sessions.js';
import { revokeUserSessions, updateSession } from './sessions-repository.js';
import {
  findUserById,
  findUserByLogin,
  rolesOf,
  updateUserSecurity,
  type UserRow,
} from './users-repository.js';

export interface SignedIn {
  token: string;
  csrfToken: string;
  stage: SessionStage;
  userId: number;
}

/** A throwaway hash so an unknown login costs as long as a wrong password. */
let dummyHash: Promise<string> | null = null;
const dummy = (gm: boolean) => (dummyHash ??= hashPassword(generatePassword(), gm));

/** The stage a session reaches after the password (and, when enabled, the TOTP code) were accepted. */
export function stageAfterCredentials(
  user: UserRow,
  roles: readonly Role[],
  policy: SecurityPolicy,
  at: Date,
  totpPassed: boolean,
): SessionStage {
  if (user.totp_enabled === 1 && !totpPassed) return 'totp';
  const expired =
    policy.maxAgeDays > 0 &&
    new Date(user.password_changed_at).getTime() + policy.maxAgeDays * DAY <= at.getTime();
  if (user.must_change_password === 1 || expired) return 'change_password';
  if (user.totp_enabled !== 1 && roles.some((r) => policy.totpRequiredRoles.includes(r)))
    return 'enroll_totp';
  return 'full';
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Count a failed credential; lock the account at the threshold. Commits even though the request fails. */
async function countFailure(
  trx: Executor,
  ctx: Ctx,
  user: UserRow,
  policy: SecurityPolicy,
  reason: string,
): Promise<AppError> {
  const failures = user.failed_logins + 1;
  if (failures >= policy.lockThreshold) {
    const until = new Date(ctx.clock.now().getTime() + policy.lockMinutes * MINUTE).toISOString();
    await updateUserSecurity(trx, user.id, { failed_logins: 0, locked_until: until });
    await recordAudit(trx, ctx, {
      action: 'login',
      objectType: 'user',
      objectId: user.id,
      outcome: 'failure',
      actorId: user.id,
      actorLogin: user.login,
      changes: { reason },
    });
    await recordAudit(trx, ctx, {
      action: 'account.lock',
      objectType: 'user',
      objectId: user.id,
      actorId: user.id,
      actorLogin: user.login,
      changes: { lockedUntil: until, failures },
    });
    return new AppError(
      'ACCOUNT_LOCKED',
      `连续 ${failures} 次验证失败，账号已锁定 ${policy.lockMinutes} 分钟`,
      { lockedUntil: until },
    );
  }
  await updateUserSecurity(trx, user.id, { failed_logins: failures });
  await recordAudit(trx, ctx, {
    action: 'login',
    objectType: 'user',
    objectId: user.id,
    outcome: 'failure',
    actorId: user.id,
    actorLogin: user.login,
    changes: { reason, failures },
  });
  const left = policy.lockThreshold - failures;
  const message =
    reason === 'totp'
      ? `动态验证码错误，再失败 ${left} 次将锁定账号`
      : `登录名或密码错误，再失败 ${left} 次将锁定账号`;
  return new AppError(reason === 'totp' ? 'TOTP_INVALID' : 'LOGIN_FAILED', message, { attemptsLeft: left });
}

function lockedError(user: UserRow): AppError {
  const until = user.locked_until ?? '';
  return new AppError('ACCOUNT_LOCKED', '账号已锁定，请稍后再试或联系安全管理员解锁', { lockedUntil: until });
}

async function settle<T>(db: Db, work: (trx: Executor) => Promise<Outcome<T>>): Promise<T> {
  const outcome = await db.transaction().execute(work);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

export async function signIn(
  db: Db,
  ctx: Ctx,
  login: string,
  password: string,
  userAgent: string,
): Promise<SignedIn> {
  return settle(db, async (trx) => {
    const policy = await getSecurityPolicy(trx);
    const user = await findUserByLogin(trx, login);
    const at = nowIso(ctx);
    if (!user) {
      await verifyPassword(await dummy(ctx.config.gmProfile), password);
      await recordAudit(trx, ctx, {
        action: 'login',
        objectType: 'user',
        outcome: 'failure',
        actorId: null,
        actorLogin: login,
        changes: { reason: 'unknown_login' },
      });
      return { ok: false, error: new AppError('LOGIN_FAILED') };
    }
    if (user.locked_until !== null && user.locked_until > at) {
      await recordAudit(trx, ctx, {
        action: 'login',
        objectType: 'user',
        objectId: user.id,
        outcome: 'denied',
        actorId: user.id,
        actorLogin: user.login,
        changes: { reason: 'locked' },
      });
      return { ok: false, error: lockedError(user) };
    }
    if (user.status !== 'active') {
      await recordAudit(trx, ctx, {
        action: 'login',
        objectType: 'user',
        objectId: user.id,
        outcome: 'denied',
        actorId: user.id,
        actorLogin: user.login,
        changes: { reason: 'disabled' },
      });
      return { ok: false, error: new AppError('ACCOUNT_DISABLED') };
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      return { ok: false, error: await countFailure(trx, ctx, user, policy, 'password') };
    }
    const roles = await rolesOf(trx, user.id);
    const stage = stageAfterCredentials(user, roles, policy, ctx.clock.now(), false);
    if (stage !== 'totp') await updateUserSecurity(trx, user.id, { failed_logins: 0, locked_until: null });
    const opened = await openSession(trx, ctx, user.id, stage, policy, userAgent);
    await recordAudit(trx, ctx, {
      action: 'login',
      objectType: 'user',
      objectId: user.id,
      actorId: user.id,
      actorLogin: user.login,
      changes: { stage },
    });
    return { ok: true, value: { ...opened, stage, userId: user.id } };
  });
}

export function totpFor(keys: Keys, login: string, encryptedSecret: string): TOTP {
  return new TOTP({
    issuer: '落实',
    label: login,
    secret: Secret.fromBase32(decryptField(keys, encryptedSecret)),
    digits: 6,
    period: 30,
  });
}

export function totpMatches(totp: TOTP, code: string, at: Date): boolean {
  return totp.validate({ token: code.replace(/\s/g, ''), timestamp: at.getTime(), window: 1 }) !== null;
}

/** Second step of a login: the TOTP code. Rotates the session as it reaches its next stage. */
export async function verifyTotpStep(
  db: Db,
  ctx: Ctx,
  sessionId: string,
  userId: number,
  code: string,
  userAgent: string,
): Promise<SignedIn> {
  return settle(db, async (trx) => {
    const policy = await getSecurityPolicy(trx);
    const user = await findUserById(trx, userId);
    if (!user || user.totp_secret === null) return { ok: false, error: new AppError('UNAUTHENTICATED') };
    if (user.locked_until !== null && user.locked_until > nowIso(ctx)) {
      await updateSession(trx, sessionId, { revoked_at: nowIso(ctx) });
      return { ok: false, error: lockedError(user) };
    }
    if (!totpMatches(totpFor(ctx.keys, user.login, user.totp_secret), code, ctx.clock.now())) {
      const error = await countFailure(trx, ctx, user, policy, 'totp');
      if (error.code === 'ACCOUNT_LOCKED') await updateSession(trx, sessionId, { revoked_at: nowIso(ctx) });
      return { ok: false, error };
    }
    await updateUserSecurity(trx, user.id, { failed_logins: 0, locked_until: null });
    const stage = stageAfterCredentials(user, await rolesOf(trx, user.id), policy, ctx.clock.now(), true);
    const opened = await rotateSession(trx, ctx, sessionId, user.id, stage, policy, userAgent);
    await recordAudit(trx, ctx, {
      action: 'login.totp',
      objectType: 'user',
      objectId: user.id,
      changes: { stage },
    });
    return { ok: true, value: { ...opened, stage, userId: user.id } };
  });
}

/** Replace a session by a new one (new token and CSRF token) so a token seen before a privilege step is useless after it. */
export async function rotateSession(
  trx: Executor,
  ctx: Ctx,
  oldSessionId: string,
  userId: number,
  stage: SessionStage,
  policy: SecurityPolicy,
  userAgent: string,
): Promise<{ token: string; csrfToken: string }> {
  await updateSession(trx, oldSessionId, { revoked_at: nowIso(ctx) });
  return openSession(trx, ctx, userId, stage, policy, userAgent);
}

export async function signOut(db: Db, ctx: Ctx, sessionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await updateSession(trx, sessionId, { revoked_at: nowIso(ctx) });
    await recordAudit(trx, ctx, { action: 'logout', objectType: 'session' });
  });
}

export { revokeUserSessions };
