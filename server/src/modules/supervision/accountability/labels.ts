/** Chinese names of the accountability vocabulary (责任追究制). */
export const ACCOUNTABILITY_KINDS = {
  interview: '约谈',
  criticism: '通报批评',
  written_review: '书面检查',
  admonition: '诫勉谈话',
  other: '其他',
} as const;

export const ACCOUNTABILITY_BASES = {
  overdue: '逾期未办结',
  closed_late: '逾期办结',
  returned: '审核退回',
} as const;

export const ACCOUNTABILITY_STATUSES = { open: '待整改', rectifying: '整改中', closed: '已结束' } as const;
