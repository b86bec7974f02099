export { accountabilityRoutes } from './routes.js';
