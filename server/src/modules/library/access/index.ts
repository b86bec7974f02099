import type { FastifyInstance } from 'fastify';
import { codeRoutes } from './routes/code-routes.js';
import { grantRoutes } from './routes/grant-routes.js';
import { membershipRoutes } from './routes/membership-routes.js';
import { orderRoutes } from './routes/order-routes.js';
import { planRoutes } from './routes/plan-routes.js';

/** 资料库 access: plans, grants, orders, redeem codes, and the one access check every reader goes through. */
export function accessRoutes(app: FastifyInstance): void {
  planRoutes(app);
  grantRoutes(app);
  orderRoutes(app);
  codeRoutes(app);
  membershipRoutes(app);
}

export { canAccess, accessibleIds, membersWithAccess, windowOf, type AccessMaterial } from './access.js';
export { loadDemoMemberships } from './demo.js';
export { removeAccessOf } from './removal-repository.js';
