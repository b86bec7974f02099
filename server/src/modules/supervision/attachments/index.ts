export { attachmentRoutes } from './routes.js';
