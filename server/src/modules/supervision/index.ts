import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/http/app.js';
import { assignmentRoutes } from './routes/assignment-routes.js';
import { itemRoutes } from './routes/item-routes.js';

export const supervisionModule: Module = {
  name: 'supervision',
  register(app: FastifyInstance) {
    itemRoutes(app);
    assignmentRoutes(app);
  },
};

export { createItem, type ItemInput } from './item-flow.js';
export { supervisionTodos } from './todos.js';
