export { assessmentRoutes } from './routes.js';
