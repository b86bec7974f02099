export { searchRoutes } from './routes.js';
export { indexMaterial, unindexMaterial } from './indexing.js';
export type { SearchDocument } from './types.js';
