import { createContext, useContext } from 'react';
import type { Role } from '../../../shared/src/roles.js';
import type { SessionUser } from '../api/types.js';

export const CurrentUserContext = createContext<SessionUser | null>(null);

/** The signed-in user; only used below RequireSession. */
export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside RequireSession');
  return user;
}

export function hasAnyRole(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

/** The audit administrator alone may not read the department tree (三员分立). */
export function mayReadDepartments(user: SessionUser): boolean {
  return !(user.roles.length === 1 && user.roles[0] === 'audit_admin');
}
