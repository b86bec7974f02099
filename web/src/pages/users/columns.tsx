import { Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { ROLE_LABELS } from '../../../../shared/src/roles.js';
import type { User } from '../../api/types.js';

export interface UserActions {
  canManage: boolean;
  canAssign: boolean;
  onEdit: (user: User) => void;
  onReset: (user: User) => void;
  onRoles: (user: User) => void;
  onUnlock: (user: User) => void;
}

function StatusTags({ user }: { user: User }) {
  return (
    <Space size={4} wrap>
      {user.status === 'active' ? <Tag color="green">正常</Tag> : <Tag>停用</Tag>}
      {user.locked && (
        <Tooltip
          title={
            user.lockedUntil ? `解锁时间：${dayjs(user.lockedUntil).format('YYYY-MM-DD HH:mm')}` : undefined
          }
        >
          <Tag color="red">已锁定</Tag>
        </Tooltip>
      )}
      {user.mustChangePassword && <Tag color="orange">待改密</Tag>}
      {user.isDemo && <Tag color="purple">演示</Tag>}
    </Space>
  );
}

/** Name and login always; department, roles and 2FA only where the screen has room. */
export function userColumns(
  departmentName: (id: number | null) => string,
  actions: UserActions,
): TableColumnsType<User> {
  return [
    {
      title: '姓名',
      key: 'name',
      render: (_, user) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{user.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.login}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '部门',
      key: 'department',
      responsive: ['md'],
      render: (_, user) => departmentName(user.departmentId),
    },
    {
      title: '角色',
      key: 'roles',
      responsive: ['lg'],
      render: (_, user) =>
        user.roles.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Space size={[0, 4]} wrap>
            {user.roles.map((r) => (
              <Tag key={r}>{ROLE_LABELS[r]}</Tag>
            ))}
          </Space>
        ),
    },
    { title: '状态', key: 'status', render: (_, user) => <StatusTags user={user} /> },
    {
      title: '动态验证码',
      key: 'totp',
      responsive: ['xl'],
      render: (_, user) =>
        user.totpEnabled ? (
          <Tag color="blue">已绑定</Tag>
        ) : (
          <Typography.Text type="secondary">未绑定</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, user) => (
        <Space size={0} wrap>
          {actions.canManage && (
            <Button type="link" size="small" onClick={() => actions.onEdit(user)}>
              编辑
            </Button>
          )}
          {actions.canManage && (
            <Popconfirm
              title="重置密码"
              description="原密码立即失效，将生成一次性密码。确定重置？"
              okText="重置"
              cancelText="取消"
              onConfirm={() => actions.onReset(user)}
            >
              <Button type="link" size="small">
                重置密码
              </Button>
            </Popconfirm>
          )}
          {actions.canAssign && (
            <Button type="link" size="small" onClick={() => actions.onRoles(user)}>
              分配角色
            </Button>
          )}
          {actions.canAssign && user.locked && (
            <Popconfirm
              title="解锁账号"
              description={`确定解锁“${user.name}”？`}
              okText="解锁"
              cancelText="取消"
              onConfirm={() => actions.onUnlock(user)}
            >
              <Button type="link" size="small">
                解锁
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
