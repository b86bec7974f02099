export { circularRoutes } from './routes.js';
