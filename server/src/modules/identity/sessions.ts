import { createHash, randomBytes } from 'node:crypto';
import type { Executor, SessionTable } from '../../platform/db/schema.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { MINUTE, HOUR } from '../../platform/clock.js';
import type { SecurityPolicy } from './security-policy.js';
import { findSessionWithUser, insertSession, updateSession } from './sessions-repository.js';
import type { UserRow } from './users-repository.js';

export type SessionStage = SessionTable['stage'];

export interface LiveSession {
  id: string;
  stage: SessionStage;
  csrfToken: string;
  actor: Actor;
}

export type SessionLookup =
  { status: 'none' } | { status: 'expired' } | { status: 'live'; session: LiveSession };

/** The cookie holds a random token; the database holds only its SM3 hash. */
export function sessionIdOf(token: string): string {
  return createHash('sm3').update(token).digest('hex');
}

export const newToken = (): string => randomBytes(32).toString('base64url');

export async function openSession(
  trx: Executor,
  ctx: Ctx,
  userId: number,
  stage: SessionStage,
  policy: SecurityPolicy,
  userAgent: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const now = ctx.clock.now();
  await insertSession(trx, {
    id: sessionIdOf(token),
    user_id: userId,
    csrf_token: csrfToken,
    stage,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + policy.absoluteHours * HOUR).toISOString(),
    revoked_at: null,
    client_ip: ctx.clientIp ?? '',
    user_agent: userAgent.slice(0, 300),
  });
  return { token, csrfToken };
}

const signedIn = new WeakMap<Ctx, UserRow>();

/** The user row the session lookup read for this request, so later steps need not read it again. */
export const signedInUser = (ctx: Ctx): UserRow | undefined => signedIn.get(ctx);

/** Only write last_seen_at once a minute: idle timeouts are counted in minutes, reads stay reads. */
const TOUCH_EVERY = MINUTE;

export async function lookupSession(
  db: Executor,
  ctx: Ctx,
  token: string,
  policy: SecurityPolicy,
): Promise<SessionLookup> {
  const found = await findSessionWithUser(db, sessionIdOf(token));
  if (!found || found.session.revokedAt !== null) return { status: found ? 'expired' : 'none' };
  const { session, user, roles } = found;
  const now = ctx.clock.now();
  const idleLimit = new Date(session.lastSeenAt).getTime() + policy.idleMinutes * MINUTE;
  if (now.toISOString() >= session.expiresAt || now.getTime() >= idleLimit) {
    await updateSession(db, session.id, { revoked_at: now.toISOString() });
    return { status: 'expired' };
  }
  if (user.status !== 'active') return { status: 'expired' };
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= TOUCH_EVERY) {
    await updateSession(db, session.id, { last_seen_at: now.toISOString() });
  }
  signedIn.set(ctx, user);
  return {
    status: 'live',
    session: {
      id: session.id,
      stage: session.stage,
      csrfToken: session.csrfToken,
      actor: { id: user.id, login: user.login, name: user.name, departmentId: user.department_id, roles },
    },
  };
}
