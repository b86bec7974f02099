import type { FastifyInstance } from 'fastify';
import { installSessionHooks } from './http-hooks.js';
import { accountRoutes } from './routes/account-routes.js';
import { departmentRoutes } from './routes/department-routes.js';
import { securityRoutes } from './routes/security-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { userRoutes } from './routes/user-routes.js';

export function registerIdentity(app: FastifyInstance): void {
  installSessionHooks(app);
  sessionRoutes(app);
  accountRoutes(app);
  userRoutes(app);
  departmentRoutes(app);
  securityRoutes(app);
}

export { createUser, setRoles, resetPassword, unlockUser, checkRoleSeparation } from './users.js';
export { createDepartment } from './departments.js';
export { onRoleGranted, type RoleListener } from './role-listeners.js';
export { hasRole } from './policy.js';
export { getSecurityPolicy, DEFAULT_POLICY, type SecurityPolicy } from './security-policy.js';
export { findUserByLogin, countLockedUsers, listUsers } from './users-repository.js';
export { insertBranch } from './departments-repository.js';
export { purgeSessions } from './sessions-repository.js';
export { generatePassword } from './passwords.js';
export { identityTodos } from './todos.js';
export {
  activeUsersByIds,
  departmentMembersWithRole,
  findUserById,
  namesOfUsers,
  rolesOf,
} from './users-repository.js';
export { departmentNames, departmentsByIds, listDepartments } from './departments-repository.js';
