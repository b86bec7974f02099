export { demandRoutes } from './routes.js';
export { removeDemandsOf } from './removal-repository.js';
