/** Chinese names of the accountability vocabulary (责任追究制), shared with the web app. */
export {
  ACCOUNTABILITY_BASES,
  ACCOUNTABILITY_KINDS,
  ACCOUNTABILITY_STATUSES,
} from '../../../../../shared/src/supervision.js';
