import type { Module } from '../../platform/http/app.js';
import { calendarRoutes } from './routes.js';

export const calendarModule: Module = { name: 'calendar', register: calendarRoutes };
export { loadCalendar } from './service.js';
export { CALENDAR_VERSION_KEY } from './repository.js';
export { WorkingCalendar, beijingDate, isValidDate, nextDate, type AddResult } from './working-calendar.js';
