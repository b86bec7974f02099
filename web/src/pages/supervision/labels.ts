/** Chinese names of the supervision vocabulary, as the server's labels.ts and lights.ts define them. */

export const SOURCE_TYPES = {
  standing_committee: '常委会决定事项',
  instruction: '领导批示',
  meeting: '会议议定',
  superior: '上级交办',
  annual_task: '年度重点任务',
  special: '专项督查',
  rectification: '整改事项',
} as const;
export type SourceType = keyof typeof SOURCE_TYPES;

export const URGENCIES = { extra_urgent: '特急', urgent: '急件', normal: '一般' } as const;
export type Urgency = keyof typeof URGENCIES;
export const URGENCY_COLORS: Record<string, string> = { extra_urgent: 'red', urgent: 'orange' };

export const FEEDBACK_CYCLES = {
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  half_yearly: '每半年',
  once: '一次性',
} as const;
export type FeedbackCycle = keyof typeof FEEDBACK_CYCLES;

export const ITEM_STATUSES = {
  draft: '立项',
  pending_approval: '待审批',
  approved: '已审批',
  assigned: '已交办',
  closed: '已销号',
  suspended: '已中止',
} as const;
export type ItemStatus = keyof typeof ITEM_STATUSES;
export const ITEM_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  pending_approval: 'gold',
  approved: 'cyan',
  assigned: 'blue',
  closed: 'green',
  suspended: 'default',
};

export const ASSIGNMENT_STATUSES: Record<string, string> = {
  assigned: '待签收',
  acknowledged: '办理中',
  completion_requested: '申请办结',
  completion_approved: '审核通过',
  leader_read: '领导已阅',
  closed: '已销号',
  suspended: '已中止',
};

export const ROLES_IN_ASSIGNMENT: Record<string, string> = { lead: '主办', assist: '协办' };

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

export type Light =
  'green' | 'yellow' | 'red' | 'closed_on_time' | 'closed_late' | 'suspended' | 'not_started';

export const LIGHT_LABELS: Record<Light, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  closed_on_time: '按期办结',
  closed_late: '逾期办结',
  suspended: '已中止',
  not_started: '未交办',
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
