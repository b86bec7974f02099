import type { FastifyInstance } from 'fastify';

/** 资料库 access: plans, grants, orders, redeem codes, and the one access check every reader goes through. */
export function accessRoutes(_app: FastifyInstance): void {}

export { canAccess, accessibleIds, windowOf, type AccessMaterial } from './access.js';
export type { AccessWindow } from './window.js';
