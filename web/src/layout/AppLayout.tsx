import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../shared/src/roles.js';
import { signOut, useDepartments } from '../api/session.js';
import { mayReadDepartments, useCurrentUser } from './current-user.js';
import { menuItemsFor, selectedKey } from './menu.js';

const { Header, Sider, Content } = Layout;

function useDepartmentName(): string | null {
  const user = useCurrentUser();
  const departments = useDepartments(mayReadDepartments(user) && user.departmentId !== null);
  if (user.departmentId === null) return null;
  return departments.data?.items.find((d) => d.id === user.departmentId)?.name ?? null;
}

export function AppLayout() {
  const user = useCurrentUser();
  const departmentName = useDepartmentName();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();

  const items = menuItemsFor(user);
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(location.pathname)]}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const roleTags = user.roles.map((role) => (
    <Tag key={role} color="red" style={{ marginInlineEnd: 4 }}>
      {ROLE_LABELS[role]}
    </Tag>
  ));
  const logout = () => {
    setLeaving(true);
    void signOut();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={200}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            <Typography.Text
              strong
              style={{ fontSize: collapsed ? 18 : 20, color: token.colorPrimary, letterSpacing: 4 }}
            >
              落实
            </Typography.Text>
          </div>
          {menu}
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: isPhone ? '0 12px' : '0 24px',
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={8}>
            <Space size={8}>
              {isPhone && (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label="打开菜单"
                  onClick={() => setDrawerOpen(true)}
                />
              )}
              {isPhone && (
                <Typography.Text strong style={{ fontSize: 18, color: token.colorPrimary, letterSpacing: 2 }}>
                  落实
                </Typography.Text>
              )}
            </Space>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis>
                {user.name}
              </Typography.Text>
              {!isPhone && departmentName && (
                <Typography.Text type="secondary">{departmentName}</Typography.Text>
              )}
              {!isPhone && <span>{roleTags}</span>}
              <Button icon={<LogoutOutlined />} loading={leaving} onClick={logout} aria-label="退出登录">
                {isPhone ? null : '退出'}
              </Button>
            </Flex>
          </Flex>
        </Header>
        <Content style={{ padding: isPhone ? 12 : 24 }}>
          <Outlet />
        </Content>
      </Layout>
      {isPhone && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={240}
          title="落实"
          styles={{ body: { padding: 0 } }}
        >
          <div style={{ padding: '12px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
            <Typography.Text strong>{user.name}</Typography.Text>
            {departmentName && <div style={{ color: token.colorTextSecondary }}>{departmentName}</div>}
            <div style={{ marginTop: 6 }}>{roleTags}</div>
          </div>
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
