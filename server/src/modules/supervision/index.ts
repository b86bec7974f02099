import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/http/app.js';
import { assignmentRoutes } from './routes/assignment-routes.js';
import { chaseRoutes } from './routes/chase-routes.js';
import { itemRoutes } from './routes/item-routes.js';
import { ledgerRoutes } from './ledger/index.js';

export const supervisionModule: Module = {
  name: 'supervision',
  register(app: FastifyInstance) {
    itemRoutes(app);
    assignmentRoutes(app);
    chaseRoutes(app);
    ledgerRoutes(app);
  },
};

export { createItem, type ItemInput } from './item-flow.js';
export { supervisionTodos } from './todos.js';
export { chaseTodos } from './chases.js';
export { supervisionReminderJob, sweepReminders } from './reminders.js';
