/** Vocabulary of the 资料库 demand board (需求征集) and member groups, shared by the server and the web app. */

export const DEMAND_STATUSES = { open: '征集中', answered: '已回应', closed: '已关闭' } as const;
export type DemandStatus = keyof typeof DEMAND_STATUSES;

export const DEMAND_SORTS = { votes: '按票数', newest: '按最新' } as const;
export type DemandSort = keyof typeof DEMAND_SORTS;

/** 会员群 for the member tier, 免费群 for the free tier. */
export const GROUP_KINDS = { member: '会员群', free: '免费群' } as const;
