import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { GROUP_KINDS } from '../../../../../shared/src/library-demands.js';
import { api, newIdempotencyKey } from '../../../api/client.js';
import { applyFieldErrors, errorText, isStale } from '../../../api/errors.js';
import { PageTitle } from '../../../layout/PageTitle.js';
import { GroupQr } from './GroupQr.js';
import type { AdminGroup } from './types.js';

type Values = Pick<AdminGroup, 'tier' | 'name' | 'joinLink' | 'notes'>;
const FIELDS = ['tier', 'name', 'joinLink', 'notes'];

/** 群组管理 (system administrator): the groups per tier with their join links and notes. */
export default function GroupsAdminPage() {
  const { message } = App.useApp();
  // On a phone the link and notes stay in the edit form, so name, kind and actions fit the width.
  const isPhone = Grid.useBreakpoint().md === false;
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<AdminGroup | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const link = Form.useWatch('joinLink', form);
  const groups = useQuery({
    queryKey: ['library', 'groups', 'admin'],
    queryFn: () => api<{ items: AdminGroup[] }>('/api/library/admin/groups'),
  });
  const reload = () => client.invalidateQueries({ queryKey: ['library', 'groups'] });

  const open = (g: AdminGroup | 'new') => {
    setEditing(g);
    form.resetFields();
    form.setFieldsValue(g === 'new' ? { tier: 'member', name: '', joinLink: '', notes: '' } : g);
  };
  const save = async (v: Values) => {
    setBusy(true);
    try {
      if (editing === 'new' || editing === null) {
        await api('/api/library/admin/groups', {
          method: 'POST',
          body: v,
          headers: { 'Idempotency-Key': key },
        });
        setKey(newIdempotencyKey());
      } else {
        await api(`/api/library/admin/groups/${editing.id}`, {
          method: 'PUT',
          body: { ...v, version: editing.version },
        });
      }
      void message.success('群组已保存');
      setEditing(null);
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) void message.error(errorText(error));
      if (isStale(error)) setEditing(null);
    } finally {
      setBusy(false);
      await reload();
    }
  };
  const remove = async (g: AdminGroup) => {
    try {
      await api(`/api/library/admin/groups/${g.id}/delete`, { method: 'POST', body: { version: g.version } });
      void message.success('群组已删除');
    } catch (error) {
      void message.error(errorText(error));
    }
    await reload();
  };

  return (
    <>
      <PageTitle
        title="群组管理"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            新增群组
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        会员群的加群方式只向会员权益有效期内的会员显示，权益到期或被撤销后即不再显示；免费群向全部业务用户显示。
      </Typography.Paragraph>
      <Table<AdminGroup>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={groups.isLoading}
        dataSource={groups.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '还没有群组' }}
        columns={[
          { title: '群名称', dataIndex: 'name' },
          {
            title: '类别',
            dataIndex: 'tier',
            render: (t: AdminGroup['tier']) => (
              <Tag color={t === 'member' ? 'gold' : 'green'}>{GROUP_KINDS[t]}</Tag>
            ),
          },
          ...(isPhone
            ? []
            : [
                {
                  title: '加群链接',
                  dataIndex: 'joinLink',
                  render: (l: string) => (
                    <Typography.Text style={{ maxWidth: 280 }} ellipsis={{ tooltip: l }}>
                      {l}
                    </Typography.Text>
                  ),
                },
                { title: '说明', dataIndex: 'notes' },
              ]),
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, g) => (
              <Space>
                <Button size="small" onClick={() => open(g)}>
                  修改
                </Button>
                <Popconfirm
                  title={`删除「${g.name}」？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => void remove(g)}
                >
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增群组' : '修改群组'}
        okText="保存"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="tier" label="类别">
            <Select options={Object.entries(GROUP_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item
            name="name"
            label="群名称"
            rules={[{ required: true, whitespace: true, message: '请填写群名称' }]}
          >
            <Input maxLength={40} placeholder="如：资料库会员一群" />
          </Form.Item>
          <Form.Item
            name="joinLink"
            label="加群链接"
            extra="填写 QQ 群或企业微信群的邀请链接，二维码由链接自动生成"
            rules={[{ required: true, whitespace: true, message: '请填写加群链接' }]}
          >
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
          {typeof link === 'string' && /^https?:\/\/\S+$/.test(link.trim()) && (
            <Form.Item label="二维码预览">
              <GroupQr link={link.trim()} size={120} />
            </Form.Item>
          )}
          <Form.Item name="notes" label="说明">
            <Input.TextArea rows={2} maxLength={500} placeholder="如：入群请备注单位和姓名" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
