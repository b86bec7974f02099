import { z } from 'zod';
import { ROLES, type Role } from '../../../../shared/src/roles.js';

export const userView = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  departmentId: z.number().nullable(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(z.enum(ROLES)),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  passwordChangedAt: z.string(),
  isDemo: z.boolean(),
  version: z.number(),
});
export type UserView = z.infer<typeof userView>;

export function presentUser(
  row: {
    id: number;
    login: string;
    name: string;
    department_id: number | null;
    status: 'active' | 'disabled';
    locked_until: string | null;
    totp_enabled: number;
    must_change_password: number;
    password_changed_at: string;
    is_demo: number;
    version: number;
  },
  roles: readonly Role[],
  at: string,
): UserView {
  const locked = row.locked_until !== null && row.locked_until > at;
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    departmentId: row.department_id,
    status: row.status,
    roles: [...roles],
    locked,
    lockedUntil: locked ? row.locked_until : null,
    totpEnabled: row.totp_enabled === 1,
    mustChangePassword: row.must_change_password === 1,
    passwordChangedAt: row.password_changed_at,
    isDemo: row.is_demo === 1,
    version: row.version,
  };
}

/** What a colleague (not an administrator) may see of another user. */
export const colleagueView = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  departmentId: z.number().nullable(),
  roles: z.array(z.enum(ROLES)),
});

export const departmentView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  code: z.string(),
  sortOrder: z.number(),
  version: z.number(),
});
export type DepartmentView = z.infer<typeof departmentView>;

export function presentDepartment(row: {
  id: number;
  parent_id: number | null;
  name: string;
  code: string;
  sort_order: number;
  version: number;
}): DepartmentView {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    code: row.code,
    sortOrder: row.sort_order,
    version: row.version,
  };
}
