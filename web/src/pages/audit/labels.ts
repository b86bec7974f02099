import type { AuditOutcome } from '../../api/types.js';

/** Chinese names of audit actions; an action not listed here is shown by its raw name. */
export const ACTION_LABELS: Record<string, string> = {
  login: '登录',
  'login.totp': '动态验证码登录',
  logout: '退出',
  'account.lock': '账号锁定',
  'password.change': '修改密码',
  'totp.enrol.begin': '开始绑定动态验证码',
  'totp.enable': '绑定动态验证码',
  'totp.disable': '解除动态验证码',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.roles': '分配角色',
  'user.unlock': '解锁账号',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'department.delete': '删除部门',
  'security_policy.update': '修改安全策略',
  export: '导出',
  'access.deny': '越权访问被拒绝',
  'csrf.reject': '跨站请求被拒绝',
  'demo.load': '载入演示数据',
  'demo.remove': '移除演示数据',
  'audit.verify': '校验审计日志',
  'audit.export': '导出审计日志',
  'audit.checkpoint': '审计检查点',
};

export const OBJECT_LABELS: Record<string, string> = {
  user: '用户',
  department: '部门',
  session: '会话',
  setting: '设置',
  system: '系统',
  audit: '审计日志',
};

export const OUTCOME_LABELS: Record<AuditOutcome, { label: string; color: string }> = {
  success: { label: '成功', color: 'green' },
  failure: { label: '失败', color: 'orange' },
  denied: { label: '拒绝', color: 'red' },
};

export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;
