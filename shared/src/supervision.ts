/** Chinese names of the supervision vocabulary, shared by the server (messages, exports) and the web app. */
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

export const FEEDBACK_CYCLES = {
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  half_yearly: '每半年',
  once: '一次性',
} as const;

export const ITEM_STATUSES = {
  draft: '立项',
  pending_approval: '待审批',
  approved: '已审批',
  assigned: '已交办',
  closed: '已销号',
  suspended: '已中止',
} as const;

export const ASSIGNMENT_STATUSES = {
  assigned: '待签收',
  acknowledged: '办理中',
  completion_requested: '申请办结',
  completion_approved: '审核通过',
  leader_read: '领导已阅',
  closed: '已销号',
  suspended: '已中止',
} as const;

export const ROLES_IN_ASSIGNMENT = { lead: '主办', assist: '协办' } as const;

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

/** 责任追究: what was done about an overdue or returned assignment, why, and how far its follow-up is. */
export const ACCOUNTABILITY_KINDS = {
  interview: '约谈',
  criticism: '通报批评',
  written_review: '书面检查',
  admonition: '诫勉谈话',
  other: '其他',
} as const;
export type AccountabilityKind = keyof typeof ACCOUNTABILITY_KINDS;

export const ACCOUNTABILITY_BASES = {
  overdue: '逾期未办结',
  closed_late: '逾期办结',
  returned: '审核退回',
} as const;

export const ACCOUNTABILITY_STATUSES = { open: '待整改', rectifying: '整改中', closed: '已结束' } as const;
export type AccountabilityStatus = keyof typeof ACCOUNTABILITY_STATUSES;

/** 通报 periods (week … half year; assessments also count whole years) and the life of a circular. */
export const PERIOD_KINDS = {
  week: '周',
  month: '月度',
  quarter: '季度',
  half: '半年',
  year: '年度',
} as const;

export const CIRCULAR_STATUSES = { draft: '草稿', published: '已印发', archived: '已归档' } as const;
export type CircularStatus = keyof typeof CIRCULAR_STATUSES;
