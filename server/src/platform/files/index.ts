export { sanitizeFilename } from './filename.js';
export { detectType, containerOf, type Evidence } from './detect.js';
export { FileStore, megabytes, tooLarge, type PutOptions, type StoredFile } from './store.js';
export { FILE_TYPES, extensionOf, type FileType, type FileTypeName } from './types.js';
export type { StoredFileColumns } from './stored-file-columns.js';
