export { libraryAttachmentRoutes } from './routes.js';
export { removeAttachmentsOf } from './removal-repository.js';
