export { groupRoutes } from './routes.js';
