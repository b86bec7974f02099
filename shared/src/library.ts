/** Vocabulary of the 资料库 (materials library), shared by the server and the web app. */

export const LIBRARY_TIERS = { free: '免费', member: '会员' } as const;
export type LibraryTierName = keyof typeof LIBRARY_TIERS;

/** Material types (文种): the stored value is the Chinese name itself. */
export const MATERIAL_TYPES = [
  '讲话',
  '报告',
  '心得体会',
  '方案',
  '总结',
  '对照检查材料',
  '发言提纲',
  '调研报告',
  '通知',
  '其他',
] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

/** Topics and campaigns offered first in the editor; editors may add others. */
export const SUGGESTED_TOPICS = [
  '组织生活会',
  '主题教育',
  '纪律教育',
  '民主生活会',
  '党史学习教育',
  '作风建设',
  '巡视整改',
  '乡村振兴',
] as const;

export const MATERIAL_STATUSES = {
  draft: '草稿',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
} as const;
export type MaterialStatus = keyof typeof MATERIAL_STATUSES;

/** Where a grant (权益) came from. */
export const GRANT_SOURCES = {
  signup: '注册赠送',
  paid: '付费订单',
  trial: '试用',
  comp: '赠送',
  redeem: '兑换码',
  reward: '举报奖励',
  group_seat: '团体席位',
} as const;
export type GrantSource = keyof typeof GRANT_SOURCES;

export const ORDER_STATUSES = { pending: '待确认收款', paid: '已付款', cancelled: '已取消' } as const;
export type OrderStatus = keyof typeof ORDER_STATUSES;

export const PLAN_PERIOD_UNITS = { day: '天', month: '个月' } as const;

/** Characters of redeem codes (兑换码): no 0/O/1/I, which readers confuse. */
export const REDEEM_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
