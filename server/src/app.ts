import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './platform/deps.js';
import { buildHttpApp, type Module } from './platform/http/app.js';
import { recordDenial, registerAudit } from './modules/audit/index.js';
import { calendarModule } from './modules/calendar/index.js';
import { homeModule } from './modules/home/index.js';
import { identityTodos, registerIdentity } from './modules/identity/index.js';
import { jobsModule } from './modules/jobs/index.js';
import { libraryModule } from './modules/library/index.js';
import { notifyModule } from './modules/notify/index.js';
import { proofreadingModule } from './modules/proofreading/index.js';
import { chaseTodos, supervisionModule, supervisionTodos } from './modules/supervision/index.js';

/** Every module, in the order its routes are registered. */
export const modules: readonly Module[] = [
  { name: 'identity', register: registerIdentity },
  notifyModule,
  { name: 'audit', register: registerAudit },
  calendarModule,
  proofreadingModule,
  supervisionModule,
  libraryModule,
  homeModule([identityTodos, supervisionTodos, chaseTodos]),
  jobsModule,
];

export function buildApp(
  deps: AppDeps,
  options: { logger?: boolean | { level: string }; serveWeb?: boolean } = {},
): Promise<FastifyInstance> {
  return buildHttpApp(deps, {
    modules,
    onDenied: (error, req) => recordDenial(deps.db, error, req),
    ...options,
  });
}
