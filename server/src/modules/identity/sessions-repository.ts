import { sql, type Insertable, type Updateable } from 'kysely';
import type { Role } from '../../../../shared/src/roles.js';
import { dialectOf, jsonArray } from '../../platform/db/database.js';
import { prepared } from '../../platform/db/prepared.js';
import type { Executor, SessionTable } from '../../platform/db/schema.js';

export async function insertSession(db: Executor, row: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/**
 * A session with its user and the user's roles, in one statement: every signed-in request starts here,
 * and three statements cost it more than the one.
 */
const sessionWithUser = prepared((db: Executor, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.stage as session_stage',
      'sessions.csrf_token as session_csrf_token',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.expires_at as session_expires_at',
      'sessions.revoked_at as session_revoked_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('user_roles')
        .select(jsonArray(dialectOf(db), sql`role`, undefined, sql`role`).as('roles'))
        .whereRef('user_roles.user_id', '=', 'users.id')
        .as('session_roles'),
    )
    .where('sessions.id', '=', id),
);

export async function findSessionWithUser(db: Executor, id: string) {
  const [row] = await sessionWithUser(db, id);
  if (!row) return undefined;
  const {
    session_id,
    session_stage,
    session_csrf_token,
    session_last_seen_at,
    session_expires_at,
    session_revoked_at,
    session_roles,
    ...user
  } = row;
  return {
    session: {
      id: session_id,
      stage: session_stage,
      csrfToken: session_csrf_token,
      lastSeenAt: session_last_seen_at,
      expiresAt: session_expires_at,
      revokedAt: session_revoked_at,
    },
    user,
    roles: JSON.parse(session_roles ?? '[]') as Role[],
  };
}

export async function updateSession(
  db: Executor,
  id: string,
  changes: Updateable<SessionTable>,
): Promise<void> {
  await db.updateTable('sessions').set(changes).where('id', '=', id).execute();
}

/** Revoke every live session of a user (password change, reset, role change, disable). */
export async function revokeUserSessions(
  db: Executor,
  userId: number,
  at: string,
  exceptId?: string,
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function purgeSessions(db: Executor, before: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
