import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '../../../../shared/src/roles.js';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { Branch, Colleague, Department } from '../../api/types.js';

interface Props {
  department: Department;
  parentName: string | null;
  branches: Branch[];
  onEdit: () => void;
  onAddChild: () => void;
  onDelete: () => void;
}

/** One department: its fields, Party branch, members and their export. */
export function DepartmentDetail({ department, parentName, branches, onEdit, onAddChild, onDelete }: Props) {
  const members = useQuery({
    queryKey: ['departments', department.id, 'members'],
    queryFn: () => api<{ items: Colleague[] }>(`/api/departments/${department.id}/members`),
  });
  const ownBranches = branches.filter((b) => b.departmentId === department.id);

  return (
    <Card
      title={department.name}
      extra={
        <Flex wrap gap={8} justify="flex-end">
          <Button size="small" icon={<PlusOutlined />} onClick={onAddChild}>
            新建下级
          </Button>
          <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
            编辑
          </Button>
          <Popconfirm
            title="删除部门"
            description={`确定删除“${department.name}”？有下级部门或成员的部门不能删除。`}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={onDelete}
          >
            <Button size="small" danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        </Flex>
      }
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="编码">{department.code}</Descriptions.Item>
        <Descriptions.Item label="上级部门">{parentName ?? '无（顶级部门）'}</Descriptions.Item>
        <Descriptions.Item label="排序">{department.sortOrder}</Descriptions.Item>
        <Descriptions.Item label="党支部">
          {ownBranches.length === 0 ? (
            <Typography.Text type="secondary">未设党支部</Typography.Text>
          ) : (
            ownBranches.map((b) => (
              <Tag key={b.id} color="red">
                {b.name}
              </Tag>
            ))
          )}
        </Descriptions.Item>
      </Descriptions>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>成员（{members.data?.items.length ?? 0} 人）</Typography.Text>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={`/api/departments/${department.id}/members.csv`}
          download
        >
          导出成员
        </Button>
      </Flex>
      {members.isError && (
        <Alert type="error" showIcon title={errorText(members.error)} style={{ marginBottom: 8 }} />
      )}
      <Table<Colleague>
        rowKey="id"
        size="small"
        loading={members.isPending}
        dataSource={members.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '本部门暂无成员' }}
        columns={[
          { title: '姓名', dataIndex: 'name', key: 'name' },
          { title: '登录名', dataIndex: 'login', key: 'login' },
          {
            title: '角色',
            key: 'roles',
            render: (_, u) =>
              u.roles.length === 0 ? '—' : u.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
