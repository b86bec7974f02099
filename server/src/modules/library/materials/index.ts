import type { FastifyInstance } from 'fastify';

/** Filled in by the materials routes; exported now so the library module can register it. */
export function materialRoutes(_app: FastifyInstance): void {}
