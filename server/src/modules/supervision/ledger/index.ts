import type { FastifyInstance } from 'fastify';
import { printRoutes } from './print/print-routes.js';
import { ledgerFileRoutes } from './routes.js';

/** 台账: template, import and export as .xlsx, and the printed 督办单 / 催办通知单 / 反馈单 as .docx. */
export function ledgerRoutes(app: FastifyInstance): void {
  ledgerFileRoutes(app);
  printRoutes(app);
}
