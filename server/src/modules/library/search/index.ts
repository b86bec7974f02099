export { indexMaterial, unindexMaterial } from './indexing.js';
export type { SearchDocument } from './types.js';
