import type { FastifyInstance } from 'fastify';
import { onRoleGranted } from '../../identity/index.js';
import { codeRoutes } from './routes/code-routes.js';
import { grantRoutes } from './routes/grant-routes.js';
import { memberRoutes } from './routes/member-routes.js';
import { membershipRoutes } from './routes/membership-routes.js';
import { orderRoutes } from './routes/order-routes.js';
import { planRoutes } from './routes/plan-routes.js';
import { giveSignupGrant } from './signup.js';

// Registered when the module is loaded, so every path that makes a member (API, CLI, demo) gives the grant.
onRoleGranted('member', async (trx, ctx, memberId) => {
  await giveSignupGrant(trx, ctx, memberId);
});

/** 资料库 access: plans, grants, orders, redeem codes, and the one access check every reader goes through. */
export function accessRoutes(app: FastifyInstance): void {
  planRoutes(app);
  grantRoutes(app);
  orderRoutes(app);
  codeRoutes(app);
  membershipRoutes(app);
  memberRoutes(app);
}

export { canAccess, accessibleIds, membersWithAccess, windowOf, type AccessMaterial } from './access.js';
export { loadDemoMemberships } from './demo.js';
export { giveSignupGrant } from './signup.js';
export { removeAccessOf } from './removal-repository.js';
