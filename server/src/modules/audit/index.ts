export { recordAudit, diff, type AuditEvent } from './record.js';
export { recordDenial } from './denials.js';
