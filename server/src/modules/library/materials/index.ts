import type { FastifyInstance } from 'fastify';
import { materialEditorRoutes } from './editor-routes.js';
import { materialReaderRoutes } from './reader-routes.js';

export function materialRoutes(app: FastifyInstance): void {
  materialReaderRoutes(app);
  materialEditorRoutes(app);
}

export { loadMaterialRef, type MaterialRef } from './reader.js';
export { mayEditMaterials, mayReadLibrary } from './policy.js';
export { libraryPublishJob, publishDueMaterials } from './schedule.js';
export { loadDemoMaterials, removeMaterialsCreatedBy } from './demo.js';
export { materialEditorsAmong } from './removal-repository.js';
