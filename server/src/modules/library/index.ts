import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/http/app.js';
import { accessRoutes } from './access/index.js';
import { libraryAttachmentRoutes } from './attachments/index.js';
import { demandRoutes } from './demands/index.js';
import { groupRoutes } from './groups/index.js';
import { materialRoutes } from './materials/index.js';
import { pushRoutes } from './push/index.js';
import { searchRoutes } from './search/index.js';

/**
 * 资料库: materials with their attachments, access (plans and grants), search, demand board (需求征集) and member groups,
 * each a sub-folder with its own routes.
 */
export const libraryModule: Module = {
  name: 'library',
  register(app: FastifyInstance) {
    materialRoutes(app);
    libraryAttachmentRoutes(app);
    accessRoutes(app);
    searchRoutes(app);
    pushRoutes(app);
    demandRoutes(app);
    groupRoutes(app);
  },
};
