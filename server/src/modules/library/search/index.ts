export { searchRoutes } from './routes.js';
export { indexMaterial, indexMaterials, unindexMaterial } from './indexing.js';
export type { SearchDocument } from './types.js';
