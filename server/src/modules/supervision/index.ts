import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/http/app.js';
import { assignmentRoutes } from './routes/assignment-routes.js';
import { chaseRoutes } from './routes/chase-routes.js';
import { itemRoutes } from './routes/item-routes.js';
import { settingsRoutes } from './routes/settings-routes.js';
import { ledgerRoutes } from './ledger/index.js';
import { circularRoutes } from './circulars/index.js';
import { accountabilityRoutes } from './accountability/index.js';
import { assessmentRoutes } from './assessment/index.js';
import { attachmentRoutes } from './attachments/index.js';
import { dashboardRoutes } from './dashboard/index.js';

export const supervisionModule: Module = {
  name: 'supervision',
  register(app: FastifyInstance) {
    itemRoutes(app);
    assignmentRoutes(app);
    chaseRoutes(app);
    ledgerRoutes(app);
    circularRoutes(app);
    accountabilityRoutes(app);
    assessmentRoutes(app);
    attachmentRoutes(app);
    dashboardRoutes(app);
    settingsRoutes(app);
  },
};

export { approveItem, assignItem, createItem, loadItem, submitItem, type ItemInput } from './item-flow.js';
export {
  acknowledge,
  approveCompletion,
  markLeaderRead,
  requestCompletion,
  signOff,
} from './assignment-flow.js';
export { assignmentsOf } from './assignments-repository.js';
export { submitFeedback, reviewFeedback } from './feedback.js';
export { requestExtension } from './extensions.js';
export {
  deleteItemsCreatedBy,
  departmentsNamedInSupervision,
  usersNamedInSupervision,
} from './removal-repository.js';
export { supervisionTodos } from './todos.js';
export { chaseTodos } from './chases.js';
export { supervisionReminderJob, sweepReminders } from './reminders.js';
export { ensureOwedPeriods } from './owed-periods.js';
