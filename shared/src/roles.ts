/** Role names from the glossary, shared by the server and the web app. */
export const BUSINESS_ROLES = [
  'leader',
  'supervisor',
  'department_head',
  'handler',
  'branch_secretary',
  'editor',
  'member',
] as const;

/** 三员分立: one person never holds two of these. */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const;

export const ROLES = [...BUSINESS_ROLES, ...ADMIN_ROLES] as const;

export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  leader: '领导',
  supervisor: '督查员',
  department_head: '部门负责人',
  handler: '承办人',
  branch_secretary: '支部书记',
  editor: '资料编辑',
  member: '会员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

export function isAdminRole(role: string): role is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}
