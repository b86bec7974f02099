import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './routes.js';

export function registerAudit(app: FastifyInstance): void {
  auditRoutes(app);
}

export { holdAuditChain, recordAudit, diff, type AuditEvent } from './record.js';
export { recordDenial } from './denials.js';
export { verifyAuditTrail, type VerifyResult } from './verify.js';
export { writeCheckpoint, auditCheckpointJob } from './checkpoint.js';
export { purgeAudit, RETENTION_DAYS } from './purge.js';
