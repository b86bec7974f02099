import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Input, Row, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ROLES, ROLE_LABELS, isRole, type Role } from '../../../../shared/src/roles.js';
import { api } from '../../api/client.js';
import { errorText, useReportError } from '../../api/errors.js';
import { useDepartments } from '../../api/session.js';
import type { Page, User } from '../../api/types.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { DepartmentSelect } from '../departments/DepartmentSelect.js';
import { departmentNameMap } from '../departments/tree.js';
import { userColumns } from './columns.js';
import { OneTimePasswordModal, type IssuedPassword } from './OneTimePasswordModal.js';
import { RolesModal } from './RolesModal.js';
import { UserFormModal } from './UserFormModal.js';

interface Filter {
  q: string;
  departmentId: number | null;
  role: Role | null;
  status: 'active' | 'disabled' | null;
  locked: boolean;
  page: number;
  pageSize: number;
}

const FIRST_PAGE: Filter = {
  q: '',
  departmentId: null,
  role: null,
  status: null,
  locked: false,
  page: 1,
  pageSize: 20,
};

/** Links such as /users?locked=1 (from a to-do) open the list already filtered. */
function filterFromUrl(params: URLSearchParams): Filter {
  const role = params.get('role') ?? '';
  const status = params.get('status');
  const departmentId = Number(params.get('departmentId'));
  return {
    ...FIRST_PAGE,
    q: params.get('q') ?? '',
    departmentId: Number.isInteger(departmentId) && departmentId > 0 ? departmentId : null,
    role: isRole(role) ? role : null,
    status: status === 'active' || status === 'disabled' ? status : null,
    locked: params.get('locked') === '1',
  };
}

export default function UsersPage() {
  const me = useCurrentUser();
  const canManage = hasAnyRole(me, ['system_admin']);
  const canAssign = hasAnyRole(me, ['security_admin']);
  const client = useQueryClient();
  const { message } = App.useApp();
  const report = useReportError();
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<Filter>(() => filterFromUrl(params));
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const [assigning, setAssigning] = useState<User | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);

  const users = useQuery({
    queryKey: ['users', filter],
    queryFn: () => api<Page<User>>('/api/users', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
  const departments = useDepartments();
  const names = useMemo(() => departmentNameMap(departments.data?.items), [departments.data]);
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const change = (next: Partial<Filter>) => setFilter((f) => ({ ...f, ...next, page: next.page ?? 1 }));

  const columns = userColumns((id) => (id === null ? '—' : (names.get(id) ?? `#${id}`)), {
    canManage,
    canAssign,
    onEdit: (user) => setEditing({ user }),
    onRoles: setAssigning,
    onReset: (user) => {
      api<{ issuedPassword: string }>(`/api/users/${user.id}/reset-password`, {
        method: 'POST',
        body: { version: user.version },
      })
        .then((r) =>
          setIssued({ who: `${user.name}（${user.login}）`, password: r.issuedPassword, reason: 'reset' }),
        )
        .catch(report)
        .finally(() => void refresh());
    },
    onUnlock: (user) => {
      api<User>(`/api/users/${user.id}/unlock`, { method: 'POST' })
        .then(() => void message.success(`已解锁：${user.name}`))
        .catch(report)
        .finally(() => void refresh());
    },
  });

  return (
    <>
      <PageTitle
        title="用户管理"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
              新建用户
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={6}>
            <Input.Search
              placeholder="姓名或登录名"
              defaultValue={filter.q}
              allowClear
              onSearch={(q) => change({ q: q.trim() })}
              aria-label="搜索用户"
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <DepartmentSelect
              value={filter.departmentId}
              onChange={(departmentId) => change({ departmentId })}
              placeholder="全部部门"
            />
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <Select<Role>
              allowClear
              placeholder="全部角色"
              style={{ width: '100%' }}
              value={filter.role ?? undefined}
              onChange={(role) => change({ role: role ?? null })}
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            />
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <Select<'active' | 'disabled'>
              allowClear
              placeholder="全部状态"
              style={{ width: '100%' }}
              value={filter.status ?? undefined}
              onChange={(status) => change({ status: status ?? null })}
              options={[
                { value: 'active', label: '正常' },
                { value: 'disabled', label: '停用' },
              ]}
            />
          </Col>
          <Col xs={24} sm={8} lg={4} style={{ display: 'flex', alignItems: 'center' }}>
            <Checkbox checked={filter.locked} onChange={(e) => change({ locked: e.target.checked })}>
              仅显示已锁定
            </Checkbox>
          </Col>
        </Row>
      </Card>
      {users.isError && (
        <Alert type="error" showIcon title={errorText(users.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有符合条件的用户' }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (page, pageSize) =>
            setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
      />
      <UserFormModal
        open={editing !== null}
        user={editing?.user ?? null}
        onClose={() => setEditing(null)}
        onCreated={(user, password) => {
          setEditing(null);
          setIssued({ who: `${user.name}（${user.login}）`, password, reason: 'create' });
          void refresh();
        }}
        onSaved={(stale) => {
          setEditing(null);
          if (!stale) void message.success('已保存');
          void refresh();
        }}
      />
      <RolesModal
        user={assigning}
        onClose={() => setAssigning(null)}
        onSaved={(stale) => {
          setAssigning(null);
          if (!stale) void message.success('角色已更新');
          void refresh();
        }}
      />
      <OneTimePasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
