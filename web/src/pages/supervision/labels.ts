/** Colours and web-only labels; the vocabulary itself is shared with the server. */
import {
  ASSIGNMENT_STATUSES as ASSIGNMENT_STATUS_NAMES,
  FEEDBACK_CYCLES,
  ITEM_STATUSES,
  LIGHT_LABELS,
  ROLES_IN_ASSIGNMENT as ROLE_NAMES,
  SOURCE_TYPES,
  URGENCIES,
  type Light,
} from '../../../../shared/src/supervision.js';

export { FEEDBACK_CYCLES, ITEM_STATUSES, LIGHT_LABELS, SOURCE_TYPES, URGENCIES, type Light };
export type SourceType = keyof typeof SOURCE_TYPES;
export type Urgency = keyof typeof URGENCIES;
export type FeedbackCycle = keyof typeof FEEDBACK_CYCLES;
export type ItemStatus = keyof typeof ITEM_STATUSES;
/** Indexed by the status strings the API returns. */
export const ASSIGNMENT_STATUSES: Record<string, string> = ASSIGNMENT_STATUS_NAMES;
export const ROLES_IN_ASSIGNMENT: Record<string, string> = ROLE_NAMES;

export const URGENCY_COLORS: Record<string, string> = { extra_urgent: 'red', urgent: 'orange' };

export const ITEM_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  pending_approval: 'gold',
  approved: 'cyan',
  assigned: 'blue',
  closed: 'green',
  suspended: 'default',
};

export const FEEDBACK_STATUSES: Record<string, { label: string; color: string }> = {
  submitted: { label: '待部门负责人审核', color: 'gold' },
  head_approved: { label: '待督查室审核', color: 'blue' },
  approved: { label: '审核通过', color: 'green' },
  returned: { label: '已退回', color: 'red' },
};

export const EXTENSION_STATUSES: Record<string, { label: string; color: string }> = {
  pending: { label: '待审批', color: 'gold' },
  approved: { label: '已同意', color: 'green' },
  refused: { label: '不同意', color: 'red' },
};

/** The dot's colour and the tag's colour for each light. */
export const LIGHT_STYLE: Record<Light, { dot: string; tag: string }> = {
  green: { dot: '#52c41a', tag: 'success' },
  yellow: { dot: '#faad14', tag: 'warning' },
  red: { dot: '#f5222d', tag: 'error' },
  closed_on_time: { dot: '#237804', tag: 'green' },
  closed_late: { dot: '#ad4e00', tag: 'volcano' },
  suspended: { dot: '#8c8c8c', tag: 'default' },
  not_started: { dot: '#bfbfbf', tag: 'default' },
};

/** What each key of an item's source reference means. */
export const SOURCE_REF_LABELS: Record<string, string> = {
  content: '批示内容',
  leaderName: '批示领导',
  date: '批示日期',
  documentNumber: '文号',
  meeting: '会议',
  session: '届次',
  issuer: '交办单位',
  note: '来源说明',
};

export const labelOf = (labels: Record<string, string>, key: string): string => labels[key] ?? key;
