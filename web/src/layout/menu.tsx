import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  EditOutlined,
  ControlOutlined,
  CrownOutlined,
  FileSearchOutlined,
  HomeOutlined,
  IdcardOutlined,
  LikeOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { BUSINESS_ROLES, type Role } from '../../../shared/src/roles.js';
import type { SessionUser } from '../api/types.js';
import { hasAnyRole } from './current-user.js';

interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Absent: everyone signed in. */
  roles?: readonly Role[];
  /** Entries of one group are shown together under its title. */
  group?: string;
}

/** Only pages that exist, each shown to the roles whose duties use it. */
const ENTRIES: readonly MenuEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  {
    path: '/dashboard',
    label: '领导驾驶舱',
    icon: <DashboardOutlined />,
    roles: ['leader', 'supervisor'],
    group: '督查督办',
  },
  {
    path: '/supervision/items',
    label: '事项列表',
    icon: <OrderedListOutlined />,
    roles: BUSINESS_ROLES,
    group: '督查督办',
  },
  {
    path: '/department',
    label: '部门视图',
    icon: <ClusterOutlined />,
    roles: ['leader', 'supervisor', 'department_head'],
    group: '督查督办',
  },
  {
    path: '/circulars',
    label: '督查通报',
    icon: <NotificationOutlined />,
    roles: BUSINESS_ROLES,
    group: '督查督办',
  },
  {
    path: '/accountability',
    label: '责任追究',
    icon: <AlertOutlined />,
    roles: BUSINESS_ROLES,
    group: '督查督办',
  },
  {
    path: '/assessment',
    label: '考核排名',
    icon: <TrophyOutlined />,
    roles: ['leader', 'supervisor'],
    group: '督查督办',
  },
  {
    path: '/ledger',
    label: '台账导入导出',
    icon: <TableOutlined />,
    roles: ['supervisor'],
    group: '督查督办',
  },
  {
    path: '/supervision/settings',
    label: '督办设置',
    icon: <ControlOutlined />,
    roles: ['supervisor', 'system_admin'],
    group: '督查督办',
  },
  { path: '/library', label: '资料库首页', icon: <BookOutlined />, roles: BUSINESS_ROLES, group: '资料库' },
  {
    path: '/library/search',
    label: '资料检索',
    icon: <SearchOutlined />,
    roles: BUSINESS_ROLES,
    group: '资料库',
  },
  {
    path: '/library/demands',
    label: '需求征集',
    icon: <LikeOutlined />,
    roles: BUSINESS_ROLES,
    group: '资料库',
  },
  {
    path: '/library/groups',
    label: '交流群',
    icon: <WechatOutlined />,
    roles: BUSINESS_ROLES,
    group: '资料库',
  },
  {
    path: '/library/editor',
    label: '编辑工作台',
    icon: <EditOutlined />,
    roles: ['editor'],
    group: '资料库',
  },
  {
    path: '/library/membership',
    label: '我的会员',
    icon: <CrownOutlined />,
    roles: ['member'],
    group: '资料库',
  },
  {
    path: '/library/admin',
    label: '会员管理',
    icon: <IdcardOutlined />,
    roles: ['system_admin'],
    group: '资料库',
  },
  {
    path: '/library/groups/admin',
    label: '群组管理',
    icon: <WechatOutlined />,
    roles: ['system_admin'],
    group: '资料库',
  },
  { path: '/proofread', label: '公文校对', icon: <FileSearchOutlined />, roles: BUSINESS_ROLES },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, roles: ['system_admin', 'security_admin'] },
  { path: '/departments', label: '部门管理', icon: <ApartmentOutlined />, roles: ['system_admin'] },
  {
    path: '/calendar',
    label: '工作日历',
    icon: <CalendarOutlined />,
    roles: ['system_admin', ...BUSINESS_ROLES],
  },
  { path: '/jobs', label: '后台任务', icon: <CloudServerOutlined />, roles: ['system_admin'] },
  { path: '/security', label: '安全策略', icon: <SafetyCertificateOutlined />, roles: ['security_admin'] },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['audit_admin'] },
  { path: '/account', label: '个人设置', icon: <SettingOutlined /> },
];

type MenuItem = Required<MenuProps>['items'][number];

export function menuItemsFor(user: SessionUser): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<string, MenuItem[]>();
  for (const e of ENTRIES.filter((entry) => !entry.roles || hasAnyRole(user, entry.roles))) {
    const item: MenuItem = { key: e.path, label: e.label, icon: e.icon };
    if (!e.group) {
      items.push(item);
      continue;
    }
    const children = groups.get(e.group);
    if (children) children.push(item);
    else {
      const created = [item];
      groups.set(e.group, created);
      items.push({ type: 'group', key: `group:${e.group}`, label: e.group, children: created });
      // A line closes the group, so the entries after it do not read as part of it.
      items.push({ type: 'divider', key: `group-end:${e.group}` });
    }
  }
  return items;
}

/** The menu entry a page belongs to: the longest entry path that the address starts with. */
export function selectedKey(pathname: string): string {
  const match = ENTRIES.filter(
    (e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)),
  ).sort((a, b) => b.path.length - a.path.length)[0];
  if (match) return match.path;
  if (pathname.startsWith('/supervision')) return '/supervision/items';
  return '/';
}
