/** Chinese names of API fields, used in validation messages so each one names the field. */
export const FIELD_LABELS: Record<string, string> = {
  login: '登录名',
  name: '名称',
  password: '密码',
  currentPassword: '原密码',
  newPassword: '新密码',
  code: '编码',
  totpCode: '动态验证码',
  departmentId: '所属部门',
  parentId: '上级部门',
  sortOrder: '排序',
  roles: '角色',
  status: '状态',
  version: '版本号',
  reason: '原因',
  q: '搜索词',
  page: '页码',
  pageSize: '每页条数',
  from: '开始时间',
  to: '结束时间',
  action: '操作',
  actor: '操作人',
  outcome: '结果',
  minLength: '最短长度',
  minClasses: '字符类别数',
  historyCount: '历史密码数',
  maxAgeDays: '密码有效期',
  lockThreshold: '锁定阈值',
  lockMinutes: '锁定时长',
  idleMinutes: '空闲超时',
  absoluteHours: '会话最长时间',
  totpRequiredRoles: '需动态验证码的角色',
  numberFormat: '编号格式',
  warnDays: '黄灯预警天数',
  extra_urgent: '特急事项时限',
  urgent: '急件时限',
  normal: '一般事项时限',
  difficult: '难度大事项时限',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names[names.length - 1];
  if (last === undefined) return '请求';
  return FIELD_LABELS[last] ?? last;
}
