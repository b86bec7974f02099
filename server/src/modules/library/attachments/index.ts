export { libraryAttachmentRoutes } from './routes.js';
