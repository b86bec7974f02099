export { demandRoutes } from './routes.js';
