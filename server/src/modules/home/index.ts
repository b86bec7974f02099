import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Module } from '../../platform/http/app.js';
import { collectTodos, todoView, type TodoProvider } from './todos.js';

export type { Todo, TodoProvider } from './todos.js';

/** The home page's to-do list, gathered from every module that provides one. */
export function homeModule(providers: readonly TodoProvider[]): Module {
  return {
    name: 'home',
    register(app: FastifyInstance) {
      app.withTypeProvider<ZodTypeProvider>().get(
        '/api/home/todos',
        {
          schema: {
            tags: ['首页'],
            summary: '我的待办',
            response: { 200: z.object({ items: z.array(todoView) }) },
          },
        },
        async (req) => ({ items: await collectTodos(app.deps.db, req.ctx, providers) }),
      );
    },
  };
}
