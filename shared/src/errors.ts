/** Stable API error codes. Messages shown to people are Chinese and name the field. */
export const ERROR_CODES = {
  VALIDATION_FAILED: '输入有误',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '会话已过期，请重新登录',
  FORBIDDEN: '无权执行此操作',
  MEMBERSHIP_REQUIRED: '开通会员后方可使用',
  NOT_FOUND: '对象不存在',
  CONFLICT_STALE: '数据已被他人修改，请刷新后重试',
  CONFLICT_DUPLICATE: '已存在相同的记录',
  CSRF_REJECTED: '请求校验失败，请刷新页面后重试',
  LOGIN_FAILED: '登录名或密码错误',
  ACCOUNT_LOCKED: '账号已锁定',
  ACCOUNT_DISABLED: '账号已停用',
  PASSWORD_POLICY: '密码不符合安全策略',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码',
  TOTP_REQUIRED: '请输入动态验证码',
  TOTP_ENROLL_REQUIRED: '请先绑定动态验证码',
  TOTP_INVALID: '动态验证码错误',
  ADMIN_ROLES_SEPARATED: '三员分立：同一人不能兼任两个管理员角色',
  IDEMPOTENCY_MISMATCH: '同一幂等键不能用于不同的请求',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  INVALID_STATE: '当前状态不允许此操作',
  FILE_TOO_LARGE: '文件超过大小上限',
  FILE_TYPE_REFUSED: '不支持此文件类型',
  LEADER_ROLE_REQUIRED: '责任领导须为具有领导角色的用户',
  INTERNAL: '服务器内部错误',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
