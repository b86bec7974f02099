import { Secret, TOTP } from 'otpauth';
import type { Db } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { encryptField } from '../../platform/keys.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/index.js';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { getSecurityPolicy } from './security-policy.js';
import { rotateSession, stageAfterCredentials, totpFor, totpMatches, type SignedIn } from './login.js';
import { revokeUserSessions } from './sessions-repository.js';
import {
  addPasswordHistory,
  findUserById,
  passwordHistory,
  rolesOf,
  updateUserSecurity,
  updateUserVersioned,
} from './users-repository.js';

interface SessionRef {
  sessionId: string;
  userId: number;
  userAgent: string;
}

/** Check a new password against the policy and the last N passwords; returns its hash. */
export async function acceptableNewPassword(
  db: Db | Parameters<typeof passwordHistory>[0],
  ctx: Ctx,
  user: { id: number; login: string; password_hash: string },
  password: string,
): Promise<string> {
  const policy = await getSecurityPolicy(db);
  const problems = passwordProblems(password, user.login, policy);
  if (problems.length > 0)
    throw new AppError('PASSWORD_POLICY', `新密码：${problems.join('；')}`, {
      field: 'newPassword',
      problems,
    });
  const recent = [user.password_hash, ...(await passwordHistory(db, user.id, policy.historyCount))].slice(
    0,
    Math.max(1, policy.historyCount),
  );
  for (const old of recent) {
    if (await verifyPassword(old, password)) {
      throw new AppError('PASSWORD_POLICY', `新密码：不能与最近 ${policy.historyCount} 次使用过的密码相同`, {
        field: 'newPassword',
      });
    }
  }
  return hashPassword(password, ctx.config.gmProfile);
}

/** Change one's own password: revokes every other session and rotates this one. */
export async function changeOwnPassword(
  db: Db,
  ctx: Ctx,
  ref: SessionRef,
  current: string,
  next: string,
): Promise<SignedIn> {
  return db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, ref.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!(await verifyPassword(user.password_hash, current))) throw invalid('原密码', '不正确');
    const hash = await acceptableNewPassword(trx, ctx, user, next);
    const at = nowIso(ctx);
    await addPasswordHistory(trx, user.id, user.password_hash, at);
    await updateUserVersioned(trx, user.id, user.version, {
      password_hash: hash,
      password_changed_at: at,
      must_change_password: 0,
      updated_at: at,
    });
    await revokeUserSessions(trx, user.id, at, ref.sessionId);
    const policy = await getSecurityPolicy(trx);
    const updated = { ...user, must_change_password: 0, password_changed_at: at };
    const stage = stageAfterCredentials(updated, await rolesOf(trx, user.id), policy, ctx.clock.now(), true);
    const opened = await rotateSession(trx, ctx, ref.sessionId, user.id, stage, policy, ref.userAgent);
    await recordAudit(trx, ctx, {
      action: 'password.change',
      objectType: 'user',
      objectId: user.id,
      changes: { passwordChangedAt: at },
    });
    return { ...opened, stage, userId: user.id };
  });
}

/** Start TOTP enrolment: a new secret, stored encrypted and inactive until a code confirms it. */
export async function beginTotpEnrolment(
  db: Db,
  ctx: Ctx,
  userId: number,
): Promise<{ secret: string; uri: string }> {
  return db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.totp_enabled === 1)
      throw new AppError('INVALID_STATE', '已绑定动态验证码；如需更换请先解除绑定');
    const secret = new Secret({ size: 20 });
    await updateUserSecurity(trx, user.id, {
      totp_secret: encryptField(ctx.keys, secret.base32),
      updated_at: nowIso(ctx),
    });
    await recordAudit(trx, ctx, { action: 'totp.enrol.begin', objectType: 'user', objectId: user.id });
    const totp = new TOTP({ issuer: '落实', label: user.login, secret, digits: 6, period: 30 });
    return { secret: secret.base32, uri: totp.toString() };
  });
}

export async function confirmTotpEnrolment(
  db: Db,
  ctx: Ctx,
  ref: SessionRef,
  code: string,
): Promise<SignedIn> {
  return db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, ref.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.totp_secret === null || user.totp_enabled === 1)
      throw new AppError('INVALID_STATE', '请先开始绑定动态验证码');
    if (!totpMatches(totpFor(ctx.keys, user.login, user.totp_secret), code, ctx.clock.now()))
      throw new AppError('TOTP_INVALID', '动态验证码：不正确，请核对手机上的 6 位数字');
    const at = nowIso(ctx);
    await updateUserSecurity(trx, user.id, { totp_enabled: 1, updated_at: at });
    const policy = await getSecurityPolicy(trx);
    const stage = stageAfterCredentials(
      { ...user, totp_enabled: 1 },
      await rolesOf(trx, user.id),
      policy,
      ctx.clock.now(),
      true,
    );
    const opened = await rotateSession(trx, ctx, ref.sessionId, user.id, stage, policy, ref.userAgent);
    await recordAudit(trx, ctx, { action: 'totp.enable', objectType: 'user', objectId: user.id });
    return { ...opened, stage, userId: user.id };
  });
}

export async function disableOwnTotp(db: Db, ctx: Ctx, userId: number, code: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.totp_enabled !== 1 || user.totp_secret === null)
      throw new AppError('INVALID_STATE', '尚未绑定动态验证码');
    const policy = await getSecurityPolicy(trx);
    const roles = await rolesOf(trx, user.id);
    if (roles.some((r) => policy.totpRequiredRoles.includes(r)))
      throw new AppError('FORBIDDEN', '您的角色要求使用动态验证码，不能解除绑定');
    if (!totpMatches(totpFor(ctx.keys, user.login, user.totp_secret), code, ctx.clock.now()))
      throw new AppError('TOTP_INVALID', '动态验证码：不正确');
    await updateUserSecurity(trx, user.id, { totp_enabled: 0, totp_secret: null, updated_at: nowIso(ctx) });
    await recordAudit(trx, ctx, { action: 'totp.disable', objectType: 'user', objectId: user.id });
  });
}
