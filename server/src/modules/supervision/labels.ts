export {
  ASSIGNMENT_STATUSES,
  FEEDBACK_CYCLES,
  ITEM_STATUSES,
  ROLES_IN_ASSIGNMENT,
  SOURCE_TYPES,
  URGENCIES,
  type SourceType,
  type Urgency,
} from '../../../../shared/src/supervision.js';
