import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/src/roles.js';
import type { SessionUser } from '../api/types.js';
import { hasAnyRole } from './current-user.js';

interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Absent: everyone signed in. */
  roles?: readonly Role[];
}

/** Only pages that exist, each shown to the roles whose duties use it. */
const ENTRIES: readonly MenuEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, roles: ['system_admin', 'security_admin'] },
  { path: '/departments', label: '部门管理', icon: <ApartmentOutlined />, roles: ['system_admin'] },
  { path: '/security', label: '安全策略', icon: <SafetyCertificateOutlined />, roles: ['security_admin'] },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['audit_admin'] },
  { path: '/account', label: '个人设置', icon: <SettingOutlined /> },
];

export function menuItemsFor(user: SessionUser) {
  return ENTRIES.filter((e) => !e.roles || hasAnyRole(user, e.roles)).map((e) => ({
    key: e.path,
    label: e.label,
    icon: e.icon,
  }));
}

export function selectedKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}
